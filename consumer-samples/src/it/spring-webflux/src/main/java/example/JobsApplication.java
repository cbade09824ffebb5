package example;

import dev.dtscontract.client.Credentials;
import dev.dtscontract.client.DtsClient;
import dev.dtscontract.client.model.DescribeDtsJobDetailRequest;
import dev.dtscontract.client.model.DescribeDtsJobDetailResponse;
import dev.dtscontract.client.model.Endpoint;
import dev.dtscontract.client.model.EndpointInstanceType;
import dev.dtscontract.client.model.ModifyDtsJobEndpointRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;

// tag::spring-app[]
/** A WebFlux service that moves a DTS job's source to another RDS instance and reads the job back. */
@SpringBootApplication
@RestController
public class JobsApplication {

    private final DtsClient dts;

    JobsApplication(DtsClient dts) {
        this.dts = dts;
    }

    public static void main(String[] args) {
        SpringApplication.run(JobsApplication.class, args);
    }

    /** The client as a bean: Alibaba's endpoint by default, the AccessKey from the application's settings. */
    @Bean(destroyMethod = "close")
    static DtsClient dtsClient(@Value("${dts.endpoint:https://dts.aliyuncs.com}") String endpoint,
                               @Value("${dts.access-key-id}") String accessKeyId,
                               @Value("${dts.access-key-secret}") String accessKeySecret) {
        return DtsClient.builder().endpoint(endpoint).credentials(Credentials.of(accessKeyId, accessKeySecret)).build();
    }

    @PostMapping("/jobs/{jobId}/source/{instanceId}")
    Mono<Map<String, String>> moveSource(@PathVariable String jobId, @PathVariable String instanceId) {
        // The client blocks on the JDK's HTTP client: off the event loop.
        return Mono.fromCallable(() -> dts.modifyDtsJobEndpoint(new ModifyDtsJobEndpointRequest().dtsJobId(jobId)
                        .endpoint(Endpoint.SRC).endpointInstanceType(EndpointInstanceType.RDS).endpointInstanceId(instanceId)))
                .subscribeOn(Schedulers.boundedElastic())
                .map(answer -> Map.of("requestId", answer.getRequestId()));
    }

    @GetMapping("/jobs/{jobId}")
    Mono<Map<String, String>> job(@PathVariable String jobId) {
        return Mono.fromCallable(() -> dts.describeDtsJobDetail(new DescribeDtsJobDetailRequest().dtsJobId(jobId)))
                .subscribeOn(Schedulers.boundedElastic())
                .map((DescribeDtsJobDetailResponse job) -> Map.of("status", job.getStatus(),
                        "source", job.getSourceEndpoint().getInstanceID()));
    }
}
// end::spring-app[]
