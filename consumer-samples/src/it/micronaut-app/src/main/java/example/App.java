package example;

// tag::micronaut-app[]
import dev.dtscontract.client.DtsClient;
import dev.dtscontract.client.model.Endpoint;
import dev.dtscontract.client.model.EndpointInstanceType;
import dev.dtscontract.client.model.ModifyDtsJobEndpointRequest;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Singleton;

import java.util.Map;

@Singleton
public class App {

    private final DtsClient dts;

    public App(DtsClient dts) { // configured from application.yml
        this.dts = dts;
    }

    /** Moves the job's source to another database of the same engine and returns the request id. */
    public String moveSource(String dtsJobId, String newInstanceId) {
        return dts.modifyDtsJobEndpoint(new ModifyDtsJobEndpointRequest()
                .dtsJobId(dtsJobId)
                .endpoint(Endpoint.SRC)
                .endpointInstanceType(EndpointInstanceType.RDS)
                .endpointInstanceId(newInstanceId)).getRequestId();
    }

    public static void main(String[] args) {
        try (ApplicationContext context = ApplicationContext.run(Map.of())) {
            System.out.println(context.getBean(App.class).moveSource(args[0], args[1]));
        }
    }
}
// end::micronaut-app[]
