package example;

// tag::plain-java[]
import dev.dtscontract.client.Credentials;
import dev.dtscontract.client.DtsClient;
import dev.dtscontract.client.DtsClientException;
import dev.dtscontract.client.model.Endpoint;
import dev.dtscontract.client.model.EndpointInstanceType;
import dev.dtscontract.client.model.ModifyDtsJobEndpointRequest;
import dev.dtscontract.client.model.ModifyDtsJobEndpointResponse;

public final class ModifyEndpoint {

    /** java example.ModifyEndpoint [http://127.0.0.1:8080]: prechecks the document's sample change on the emulator. */
    public static void main(String[] args) {
        System.out.println(precheck(args.length > 0 ? args[0] : "http://127.0.0.1:8080"));
    }

    static String precheck(String endpoint) {
        try (DtsClient dts = DtsClient.builder()
                .endpoint(endpoint)   // leave out for https://dts.aliyuncs.com, or .region("cn-hangzhou")
                // The emulator's demo pair; against Alibaba Cloud use Credentials.fromEnvironment()
                // (ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN).
                .credentials(Credentials.of("LTAI5tDemoAccessKey0001", "DemoSecretForLocalUseOnly0001"))
                .build()) {
            ModifyDtsJobEndpointResponse response = dts.modifyDtsJobEndpoint(new ModifyDtsJobEndpointRequest()
                    .regionId("cn-hangzhou")
                    .dtsInstanceId("dtsaw012y2g15q****")
                    .endpoint(Endpoint.SRC)
                    .endpointInstanceType(EndpointInstanceType.RDS)
                    .endpointInstanceId("rm-bp10k50h8374w****")
                    .dryRun(true));
            return "precheck passed, request " + response.getRequestId();
        } catch (DtsClientException e) {
            return e.status() + " " + e.code() + ": " + e.errorMessage() + " (request " + e.requestId() + ")";
        }
    }
}
// end::plain-java[]
