package dev.apphome.plan;

import org.junit.jupiter.api.Test;
import pulumirpc.AliasOuterClass.Alias;
import pulumirpc.Resource.RegisterResourceRequest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The options the engine derives from a register-resource request, as the plan document records them. */
class RecordingMonitorTest {

    private static final String PARENT = "urn:pulumi:dev::apphome::pulumi:pulumi:Stack$apphome:storage:PrivateBucket::media";
    private static final String URN = "urn:pulumi:dev::apphome::pulumi:pulumi:Stack$apphome:storage:PrivateBucket"
            + "$aws:s3/bucketV2:BucketV2::media-bucket";

    private static RegisterResourceRequest.Builder bucket() {
        return RegisterResourceRequest.newBuilder().setType("aws:s3/bucketV2:BucketV2").setName("media-bucket")
                .setParent(PARENT).setCustom(true).setVersion("6.83.0");
    }

    @Test
    void aliasesGivenByPartsBecomeUrnsUnderTheResourcesOwnParentUnlessTheySayOtherwise() {
        var request = bucket()
                .addAliases(Alias.newBuilder().setSpec(Alias.Spec.newBuilder().setType("aws:s3/bucket:Bucket").setParentUrn("")))
                .addAliases(Alias.newBuilder().setSpec(Alias.Spec.newBuilder().setName("old-media").setNoParent(true)))
                .addAliases(Alias.newBuilder().setUrn("urn:pulumi:dev::apphome::aws:s3/bucketV2:BucketV2::legacy"))
                .build();

        assertEquals(List.of(
                "urn:pulumi:dev::apphome::pulumi:pulumi:Stack$apphome:storage:PrivateBucket$aws:s3/bucket:Bucket::media-bucket",
                "urn:pulumi:dev::apphome::aws:s3/bucketV2:BucketV2::old-media",
                "urn:pulumi:dev::apphome::aws:s3/bucketV2:BucketV2::legacy"),
                RecordingMonitor.options(request, URN, false).aliases());
    }

    @Test
    void customTimeoutsAreSecondsAsTheEngineParsesThem() {
        var request = bucket().setCustomTimeouts(RegisterResourceRequest.CustomTimeouts.newBuilder()
                .setCreate("1h30m").setDelete("90s").setUpdate("250ms")).build();

        assertEquals(Map.of("create", 5400.0, "delete", 90.0, "update", 0.25),
                RecordingMonitor.options(request, URN, false).customTimeouts());
    }

    @Test
    void aTimeoutThatIsNotADurationIsRefusedWithTheExpectedForm() {
        var request = bucket().setCustomTimeouts(RegisterResourceRequest.CustomTimeouts.newBuilder().setCreate("ten minutes")).build();

        var e = assertThrows(IllegalArgumentException.class, () -> RecordingMonitor.options(request, URN, false));
        assertEquals("custom timeout create \"ten minutes\" is not a duration such as 10m, 1h30m or 90s", e.getMessage());
    }

    @Test
    void deleteBeforeReplaceIsKeptOnlyWhenTheProgramSetIt() {
        assertNull(RecordingMonitor.options(bucket().build(), URN, false).deleteBeforeReplace());
        assertEquals(false, RecordingMonitor.options(bucket().setDeleteBeforeReplace(false).setDeleteBeforeReplaceDefined(true).build(),
                URN, false).deleteBeforeReplace());
    }

    @Test
    void aResourceWithoutProviderGetsTheDefaultProviderOfItsPackageAndComponentsNone() {
        assertEquals("urn:pulumi:dev::apphome::pulumi:providers:aws::default_6_83_0::04da6b54-80e4-46f7-96ec-b56ff0331ba9",
                RecordingMonitor.provider(bucket().build(), URN, true));
        assertEquals("urn:pulumi:dev::apphome::pulumi:providers:aws::eu::4b1e",
                RecordingMonitor.provider(bucket().setProvider("urn:pulumi:dev::apphome::pulumi:providers:aws::eu::4b1e").build(), URN, true));
        assertEquals("", RecordingMonitor.provider(RegisterResourceRequest.newBuilder().setType("apphome:storage:PrivateBucket")
                .setName("media").setCustom(false).build(), PARENT, true));
    }
}
