import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contextualtargeting.embedded.EmbeddedSegmentationService;
import io.contextualtargeting.local.store.FolderObjectStore;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.SegmentationService.BatchSegmentJobRequest;
import io.contextualtargeting.ports.SegmentationService.DatasetType;
import io.contextualtargeting.ports.SegmentationService.ResourceState;
import io.contextualtargeting.ports.SolutionSettings;
import java.nio.file.Path;

/**
 * One call of the Embedded engine's functions, with the functions' own code
 * ({@code EmbeddedSegmentationService.inFunction}) on a folder standing in for the bucket, so that one
 * JVM measures one call: {@code setup} (dataset group, schemas, datasets, import jobs, solution),
 * {@code version} (TrainSolutionVersion: the hold-out measurement) and {@code job} (CreateBatchSegmentJob:
 * train on everything, write the output). The records a call leaves in the folder are what the next reads.
 *
 * <p>Usage: {@code EnginePhase setup|version|job ROOT [attr|item] [NUM_RESULTS]}; ROOT/bkt/train/bingewatch
 * holds the generated files, ROOT/bkt/batch/{attr,item}/job_config.json the queries.
 */
public class EnginePhase {
    public static void main(String[] a) throws Exception {
        String phase = a[0]; Path root = Path.of(a[1]); String bucket = "bkt"; String kind = a.length > 2 ? a[2] : "attr";
        var svc = EmbeddedSegmentationService.inFunction(new FolderObjectStore(root, (r, s, e) -> { }), bucket, "us-east-1", 0);
        JsonNode cfg = new ObjectMapper().readTree(root.resolve("bkt/train/bingewatch/bingewatch_config.json").toFile());
        String recipe = kind.equals("attr") ? "arn:aws:personalize:::recipe/aws-item-attribute-affinity" : "arn:aws:personalize:::recipe/aws-item-affinity";
        long t0 = System.nanoTime();
        ResourceState g = svc.ensureDatasetGroup("bingewatch", null);
        for (String t : new String[]{"interactions", "items", "users"}) {
            JsonNode d = cfg.path("datasets").path(t);
            ResourceState s = svc.ensureSchema(d.path("schema").path("serviceConfig").path("name").asText(), d.path("schema").path("serviceConfig").path("schema").toString(), null);
            ResourceState ds = svc.ensureDataset(g.arn(), DatasetType.valueOf(t.toUpperCase()), d.path("dataset").path("serviceConfig").path("name").asText(), s.arn());
            ResourceState imp = svc.ensureDatasetImportJob(ds.arn(), "imp-" + t, ObjectRef.parse("s3://" + bucket + "/train/bingewatch/" + t + ".csv"));
            check(imp);
        }
        ResourceState sol = svc.ensureSolution(g.arn(), "sol-" + kind, recipe, SolutionSettings.none());
        if (phase.equals("setup")) { System.out.println("setup ms " + (System.nanoTime() - t0) / 1_000_000); return; }
        t0 = System.nanoTime();
        ResourceState v = svc.ensureSolutionVersion(sol.arn(), "v1");
        check(v);
        if (phase.equals("version")) {
            System.out.println("version ms " + (System.nanoTime() - t0) / 1_000_000 + " metrics " + svc.solutionVersionMetrics(v.arn()));
            return;
        }
        t0 = System.nanoTime();
        int n = Integer.parseInt(a[3]);
        ResourceState j = svc.ensureBatchSegmentJob(new BatchSegmentJobRequest("job-" + kind + "-" + System.nanoTime(), v.arn(),
                ObjectRef.parse("s3://" + bucket + "/batch/" + kind + "/job_config.json"), ObjectRef.parse("s3://" + bucket + "/out/" + kind + "/"), n, null));
        check(j);
        System.out.println("job ms " + (System.nanoTime() - t0) / 1_000_000);
    }
    static void check(ResourceState s) { if (!"ACTIVE".equals(s.status())) throw new IllegalStateException(s.toString()); }
}
