import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contextualtargeting.embedded.EmbeddedSegmentationService;
import io.contextualtargeting.local.store.FolderObjectStore;
import io.contextualtargeting.ports.ObjectRef;
import io.contextualtargeting.ports.SegmentationService.DatasetType;
import io.contextualtargeting.ports.SegmentationService.ResourceState;
import java.nio.file.Path;

/**
 * What ImportDataset does with an interactions file under SegmentationEngine=Embedded: read every row
 * to check it, then refuse more than the limit. Usage: {@code ImportPhase ROOT MAX_INTERACTIONS} (0: no limit).
 */
public class ImportPhase {
    public static void main(String[] a) throws Exception {
        Path root = Path.of(a[0]); long max = Long.parseLong(a[1]);
        var svc = EmbeddedSegmentationService.inFunction(new FolderObjectStore(root, (r, s, e) -> { }), "bkt", "us-east-1", max);
        JsonNode d = new ObjectMapper().readTree(root.resolve("bkt/train/bingewatch/bingewatch_config.json").toFile()).path("datasets").path("interactions");
        long t0 = System.nanoTime();
        ResourceState g = svc.ensureDatasetGroup("bingewatch", null);
        ResourceState s = svc.ensureSchema(d.path("schema").path("serviceConfig").path("name").asText(), d.path("schema").path("serviceConfig").path("schema").toString(), null);
        ResourceState ds = svc.ensureDataset(g.arn(), DatasetType.INTERACTIONS, "interactions", s.arn());
        ResourceState imp = svc.ensureDatasetImportJob(ds.arn(), "imp-" + System.nanoTime(), ObjectRef.parse("s3://bkt/train/bingewatch/interactions.csv"));
        System.out.println("import ms " + (System.nanoTime() - t0) / 1_000_000 + " " + imp);
    }
}
