package io.contextualtargeting.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Throttling is told by exact error codes, never by words of the message. */
class ThrottlingTest {

    @Test
    void everyThrottlingCodeIsThrottling() {
        Arrays.stream(AwsErrorCode.values()).filter(AwsErrorCode::isThrottling).forEach(code -> {
            assertThat(RetrySettings.isThrottling(answer(code.code(), "generate report"))).as(code.code()).isTrue();
            assertThat(AwsErrorCode.of(code.code())).isEqualTo(code);
        });
        assertThat(AwsErrorCode.values()).filteredOn(AwsErrorCode::isThrottling).extracting(AwsErrorCode::code)
                .contains("ThrottlingException", "TooManyRequestsException", "Throttling", "RequestLimitExceeded");
    }

    @Test
    void aMessageSpeakingOfARateIsNotThrottling() {
        assertThat(RetrySettings.isThrottling(answer("InvalidInputException", "generate report"))).isFalse();
        assertThat(RetrySettings.isThrottling(answer("InvalidInputException", "the rate is throttled"))).isFalse();
        assertThat(RetrySettings.isThrottling(answer("LimitExceededException", "generate report"))).isFalse();
        assertThat(RetrySettings.isThrottling(answer("LimitExceededException",
                "You have exceeded the maximum of 5 pending or running batch segment jobs"))).isFalse();
    }

    @Test
    void personalizesRequestRateLimitIsThrottling() {
        assertThat(RetrySettings.isThrottling(answer("LimitExceededException",
                "The limit on the number of requests per second has been exceeded."))).isTrue();
    }

    @Test
    void codesMatchExactlyAndUnknownCodesAreOther() {
        assertThat(AwsErrorCode.of("throttlingexception")).isEqualTo(AwsErrorCode.OTHER);
        assertThat(AwsErrorCode.of("RateExceeded")).isEqualTo(AwsErrorCode.OTHER);
        assertThat(AwsErrorCode.of(null)).isEqualTo(AwsErrorCode.OTHER);
        assertThat(RetrySettings.isThrottling(new IllegalStateException("ThrottlingException"))).isFalse();
    }

    private static AwsServiceException answer(String code, String message) {
        return AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }
}
