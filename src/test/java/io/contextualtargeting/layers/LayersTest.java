package io.contextualtargeting.layers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The seams between the three products that share this module: the Lambda pipeline
 * ({@code functions}, {@code workflow}, {@code aws}, {@code ports}), the embedded engine ({@code engine})
 * and the local stand-in for AWS ({@code local}), with Personalize's file formats ({@code formats}) the
 * one thing they all read. The engine reaches the Lambda path through one door: {@code embedded}, the
 * engine as a {@code SegmentationService} ({@code SegmentationEngine=Embedded}), which the functions'
 * wiring alone ({@code aws.AwsPortsProducer}) may create. A forbidden import fails the build.
 */
class LayersTest {
    private static final String ROOT = "io.contextualtargeting.";
    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.contextualtargeting");

    @Test
    void formatsDependOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage(ROOT + "formats..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "engine..", ROOT + "local..",
                        ROOT + "workflow..", ROOT + "aws..", ROOT + "functions..", ROOT + "ports..")
                .because("Personalize's formats are read by every layer and know none of them")
                .check(PRODUCTION);
    }

    @Test
    void theLambdaPathNeverReachesTheEngineOrTheLocalMode() {
        noClasses().that().resideInAnyPackage(ROOT + "functions..", ROOT + "workflow..", ROOT + "aws..", ROOT + "ports..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "engine..", ROOT + "local..")
                .because("the functions run on AWS against Personalize; the engine and the local stand-ins stay out of them")
                .check(PRODUCTION);
    }

    /** The deliberate exception: the engine's adapter, chosen at run time by SEGMENTATION_ENGINE. */
    @Test
    void ofTheLambdaPathOnlyTheWiringCreatesTheEmbeddedEngine() {
        noClasses().that().resideInAnyPackage(ROOT + "functions..", ROOT + "workflow..", ROOT + "aws..", ROOT + "ports..")
                .and().doNotHaveFullyQualifiedName(ROOT + "aws.AwsPortsProducer")
                .should().dependOnClassesThat().resideInAPackage(ROOT + "embedded..")
                .because("steps and AWS adapters speak to the SegmentationService port; only the wiring picks the engine behind it")
                .check(PRODUCTION);
    }

    @Test
    void theEmbeddedEngineAdapterStandsOnTheEngineAndThePortsAlone() {
        noClasses().that().resideInAPackage(ROOT + "embedded..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "local..", ROOT + "workflow..", ROOT + "aws..",
                        ROOT + "functions..", ROOT + "engine.generate..", ROOT + "engine.bench..")
                .because("it runs inside the Lambda functions: no local stand-in, no workflow, no tools")
                .check(PRODUCTION);
        noClasses().that().resideInAnyPackage(ROOT + "engine..", ROOT + "formats..", ROOT + "ports..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + "embedded..")
                .because("the engine, the formats and the ports know nothing of the adapter built on them")
                .check(PRODUCTION);
    }

    @Test
    void theEngineKnowsNoWorkflowAndNoCloud() {
        noClasses().that().resideInAPackage(ROOT + "engine..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "local..", ROOT + "workflow..", ROOT + "aws..",
                        ROOT + "functions..", ROOT + "ports..")
                .because("the engine is a library on Personalize's formats, used by the local mode and the tools")
                .check(PRODUCTION);
    }

    @Test
    void workflowsSpeakToAwsOnlyThroughPorts() {
        noClasses().that().resideInAPackage(ROOT + "workflow..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "aws..", ROOT + "functions..")
                .check(PRODUCTION);
        noClasses().that().resideInAPackage(ROOT + "aws..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "workflow..", ROOT + "functions..")
                .check(PRODUCTION);
    }

    @Test
    void theToolsAreReachedOnlyFromTheCommandLine() {
        noClasses().that().resideOutsideOfPackages(ROOT + "engine.generate..", ROOT + "engine.bench..",
                        ROOT + "engine.eval..", ROOT + "local.bench..", ROOT + "local.cli..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + "engine.generate..", ROOT + "engine.bench..",
                        ROOT + "local.bench..")
                .because("the generator and the benchmarks are tools, not part of any pipeline")
                .check(PRODUCTION);
    }
}
