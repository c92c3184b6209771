package io.contextualtargeting.functions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A handler as the Lambda service runs it: an event posted over HTTP to Quarkus's mock event server
 * is read by the Quarkus Lambda runtime with the application's JSON settings, handled, and its
 * result written back. Fields a handler does not read (Step Functions states carry more) are ignored.
 */
@QuarkusTest
@TestProfile(LambdaRuntimeHttpTest.Summarize.class)
class LambdaRuntimeHttpTest {

    @Test
    void summarizeTotalsTheReportsPostedToTheRuntime() {
        given().port(eventServerPort()).contentType("application/json").body("""
                {"jobArn": "arn:job", "jobName": "job", "notReadByTheHandler": {"a": 1},
                 "reports": [
                   {"name": "a", "query": "q1", "csv": "s3://b/a.csv", "form": "Id", "users": 3, "usersWritten": 2,
                    "endpointsWritten": 2, "usersWithoutEndpoint": 1, "optedOutUsers": 0},
                   {"name": "b", "query": "q2", "form": "Id", "users": 1,
                    "error": "{\\"errorMessage\\": \\"no such item\\", \\"errorType\\": \\"QueryException\\"}"}]}
                """)
                .when().post("/_lambda_")
                .then().statusCode(200)
                .body("outcome", equalTo("FAILED"))
                .body("failedSegments", equalTo(1))
                .body("users", equalTo(4))
                .body("usersWritten", equalTo(2))
                .body("segments[0].error", nullValue())
                .body("segments[1].error", equalTo("no such item"));
    }

    /** The port the mock event server took (the profile asks for a free one). */
    private static int eventServerPort() {
        return ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
    }

    /** The summary handler, on a free port: other test JVMs on this machine may hold the default 8081. */
    public static final class Summarize implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", "summarize-segments",
                    "quarkus.lambda.mock-event-server.test-port", "0");
        }
    }
}
