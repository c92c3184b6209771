package io.contextualtargeting.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.pinpoint.PinpointClient;

class AwsClientFactoryTest {

    @RegisterExtension
    static final WireMockExtension AWS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void extraInterceptorsSeeEveryActionOfEveryClient() {
        AWS.stubFor(post(urlPathEqualTo("/")).willReturn(okJson("{\"datasetGroups\": []}")));
        AWS.stubFor(get(urlPathEqualTo("/v1/apps/app-1")).willReturn(okJson("{\"Id\": \"app-1\"}")));
        List<String> actions = new CopyOnWriteArrayList<>();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                actions.add(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
                        + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        };
        AwsClientFactory base = TestAws.factory(AWS.baseUrl());
        AwsClientFactory factory = new AwsClientFactory(base.region(), base.endpoint(), base.credentials(), base.retry(),
                List.of(recorder));

        try (PersonalizeClient personalize = factory.personalize(); PinpointClient pinpoint = factory.pinpoint()) {
            personalize.listDatasetGroups(r -> { });
            pinpoint.getApp(r -> r.applicationId("app-1"));
        }

        assertThat(actions).containsExactly("Personalize:ListDatasetGroups", "Pinpoint:GetApp");
    }

    @Test
    void clientsUseTheConfiguredRetryAttempts() {
        try (PersonalizeClient personalize = TestAws.factory(AWS.baseUrl()).personalize()) {
            assertThat(personalize.serviceClientConfiguration().overrideConfiguration().retryStrategy().orElseThrow()
                    .maxAttempts()).isEqualTo(TestAws.FAST_RETRIES.maxAttempts());
        }
    }
}
