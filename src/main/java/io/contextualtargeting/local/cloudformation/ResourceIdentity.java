package io.contextualtargeting.local.cloudformation;

import io.contextualtargeting.local.statemachine.StateMachine;

import java.util.Locale;
import java.util.Map;

/**
 * The deterministic local names, Refs and ARNs of resources: what CloudFormation would return for
 * Ref and Fn::GetAtt, in region {@code local} and account {@code 000000000000}.
 */
final class ResourceIdentity {
    static final String REGION = "local";
    static final String ACCOUNT = "000000000000";

    /** The property that names a resource of each type, when the template sets it. */
    private static final Map<String, String> NAME_PROPERTY = Map.ofEntries(
            Map.entry("AWS::Serverless::Function", "FunctionName"), Map.entry("AWS::Lambda::Function", "FunctionName"),
            Map.entry("AWS::S3::Bucket", "BucketName"), Map.entry("AWS::Events::EventBus", "Name"),
            Map.entry("AWS::SNS::Topic", "TopicName"), Map.entry("AWS::Serverless::StateMachine", "Name"),
            Map.entry("AWS::StepFunctions::StateMachine", "StateMachineName"), Map.entry("AWS::IAM::Role", "RoleName"),
            Map.entry("AWS::Events::Rule", "Name"), Map.entry("AWS::Logs::LogGroup", "LogGroupName"),
            Map.entry("AWS::SQS::Queue", "QueueName"));

    private ResourceIdentity() {
    }

    static String nameProperty(String type) {
        return NAME_PROPERTY.get(type);
    }

    /** The name CloudFormation would generate; deterministic here. Bucket names are lower case. */
    static String generatedName(String type, String stack, String logicalId) {
        String name = stack + "-" + logicalId;
        return "AWS::S3::Bucket".equals(type) ? name.toLowerCase(Locale.ROOT) : name;
    }

    static boolean isStack(String type) {
        return "AWS::Serverless::Application".equals(type) || "AWS::CloudFormation::Stack".equals(type);
    }

    static String stackArn(String stackName) {
        return "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT + ":stack/" + stackName
                + "/00000000-0000-0000-0000-000000000000";
    }

    static String arn(String type, String name) {
        return switch (type) {
            case "AWS::Serverless::Function", "AWS::Lambda::Function" ->
                    "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name;
            case "AWS::S3::Bucket" -> "arn:aws:s3:::" + name;
            case "AWS::Events::EventBus" -> "arn:aws:events:" + REGION + ":" + ACCOUNT + ":event-bus/" + name;
            case "AWS::SNS::Topic" -> "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + name;
            case "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine" -> StateMachine.arnOf(name);
            case "AWS::IAM::Role" -> "arn:aws:iam::" + ACCOUNT + ":role/" + name;
            case "AWS::Events::Rule" -> "arn:aws:events:" + REGION + ":" + ACCOUNT + ":rule/" + name;
            case "AWS::SQS::Queue" -> "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + name;
            case "AWS::Logs::LogGroup" -> "arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:" + name + ":*";
            default -> fakeArn(type, name);
        };
    }

    private static String fakeArn(String type, String name) {
        String[] parts = type.split("::");
        String service = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : "local";
        String kind = parts.length > 2 ? parts[2].toLowerCase(Locale.ROOT) : "resource";
        return "arn:aws:" + service + ":" + REGION + ":" + ACCOUNT + ":" + kind + "/" + name;
    }

    /** Ref of a resource: its name for most types, its ARN for topics and state machines, as CloudFormation does. */
    static String ref(String type, String name) {
        return switch (type) {
            case "AWS::SNS::Topic", "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine" -> arn(type, name);
            case "AWS::SQS::Queue" -> "http://sqs." + REGION + ".localhost/" + ACCOUNT + "/" + name;
            default -> name;
        };
    }

    /** Fn::GetAtt of a resource, or null when the local model does not know the attribute. */
    static String attribute(String type, String name, String attribute) {
        if ("Arn".equals(attribute)) {
            return arn(type, name);
        }
        return switch (type + "." + attribute) {
            case "AWS::S3::Bucket.DomainName" -> name + ".s3.amazonaws.com";
            case "AWS::S3::Bucket.RegionalDomainName" -> name + ".s3." + REGION + ".amazonaws.com";
            case "AWS::Events::EventBus.Name", "AWS::Serverless::StateMachine.Name",
                 "AWS::StepFunctions::StateMachine.Name", "AWS::SNS::Topic.TopicName",
                 "AWS::SQS::Queue.QueueName" -> name;
            case "AWS::SNS::Topic.TopicArn" -> arn(type, name);
            case "AWS::SQS::Queue.QueueUrl" -> ref(type, name);
            case "AWS::IAM::Role.RoleId" -> "AROA" + Integer.toHexString(name.hashCode()).toUpperCase(Locale.ROOT);
            default -> null;
        };
    }
}
