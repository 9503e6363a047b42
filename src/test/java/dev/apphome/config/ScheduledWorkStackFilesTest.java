package dev.apphome.config;

import dev.apphome.support.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Jobs and functions AWS would refuse at deploy time, or that could not work, refused before anything
 * is declared: every problem of the file at once, each naming the file, the key, what was found and
 * what is allowed. The limits are AWS's: EventBridge Scheduler reads six-field crons and singular
 * rate units for 1 (Scheduler User Guide, "Schedule types"); Lambda refuses an SQS event source whose
 * queue's visibility timeout is below the function's timeout ("Queue visibility timeout: 60 seconds
 * is less than Function timeout: 120 seconds", InvalidParameterValueException of
 * CreateEventSourceMapping) and a maximum concurrency outside 2–1000 (API ScalingConfig). Mocks
 * would accept all of them: these checks are the only thing standing before the deploy.
 */
class ScheduledWorkStackFilesTest {

    private static List<String> problems(String yaml) {
        var e = assertThrows(InvalidSettingsException.class, () -> Stacks.parse(yaml));
        return e.problems().stream().map(Problem::toString).toList();
    }

    private static final String STORES = """
              apphome:repositories: {ingest: {}, captions: {}}
              apphome:queues: {captions: {visibilityTimeoutSeconds: 60}}
            """;

    @Test
    void everyProblemOfTheJobsAndFunctionsIsReportedAtOnceWithItsKeyAndWhatIsAllowed() {
        var found = problems(Stacks.MINIMAL + STORES + """
                  apphome:jobs:
                    nightly:
                      repository: ingset
                      tag: 1.0.0
                      schedule: {at: "cron(0 2 * * *)", timeZone: Europe/Dublln}
                  apphome:functions:
                    parser:
                      repository: captions
                      tag: latest
                      timeoutSeconds: 120
                      reservedConcurrency: 5
                      queue: {name: captions, maxConcurrency: 10}
                    feeds:
                      repository: feeds
                      tag: 1.0.0
                      queue: {name: captoins}
                    refresh:
                      repository: captions
                      tag: 2.0.0
                      schedule: {at: "rate(1 hours)"}
                      onFailure: failures
                """);

        assertEquals(List.of(
                "Pulumi.test.yaml: apphome:jobs.nightly.schedule.at: found 'cron(0 2 * * *)', with 5 fields; allowed: "
                        + "six — minutes hours day-of-month month day-of-week year",
                "Pulumi.test.yaml: apphome:jobs.nightly.schedule.timeZone: found 'Europe/Dublln'; allowed: an IANA time "
                        + "zone such as Europe/Dublin or UTC",
                "Pulumi.test.yaml: apphome:functions.parser.tag: found 'latest', a tag that moves to whatever was pushed "
                        + "last, on repository 'captions', whose tags are immutable (a second push of it is refused); "
                        + "allowed: a version tag such as 1.4.2 or a commit id",
                "Pulumi.test.yaml: apphome:functions.parser.queue.maxConcurrency: is 10, above reservedConcurrency 5: "
                        + "Lambda would throttle the runs the queue starts beyond 5 and return their messages to the "
                        + "queue, which counts each as a receive; allowed: at most 5, or reservedConcurrency of at least 10",
                "Pulumi.test.yaml: apphome:functions.refresh.schedule.at: found 'rate(1 hours)', whose unit must be "
                        + "singular for 1 and plural above; allowed: rate(1 hour) or rate(2 hours)",
                "Pulumi.test.yaml: apphome:jobs.nightly.repository: names repository 'ingset', which "
                        + "apphome:repositories does not declare; did you mean 'ingest'?; declared: ingest, captions",
                "Pulumi.test.yaml: apphome:functions.parser.timeoutSeconds: is 120, above the visibility timeout of "
                        + "queue 'captions' (60 s), which Lambda refuses; allowed: at most 60, or "
                        + "queues.captions.visibilityTimeoutSeconds of at least 720 (6 × the timeout, as AWS advises)",
                "Pulumi.test.yaml: apphome:functions.feeds.repository: names repository 'feeds', which "
                        + "apphome:repositories does not declare; declared: ingest, captions",
                "Pulumi.test.yaml: apphome:functions.feeds.queue.name: names queue 'captoins', which apphome:queues "
                        + "does not declare; did you mean 'captions'?; declared: captions",
                "Pulumi.test.yaml: apphome:functions.refresh.onFailure: names queue 'failures', which apphome:queues "
                        + "does not declare; declared: captions"),
                found);
    }

    @Test
    void aMaximumConcurrencyOfOneIsOutsideTheRangeLambdaTakes() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:functions.parser.queue.maxConcurrency: found 1; allowed: a whole "
                        + "number from 2 to 1000"),
                problems(Stacks.MINIMAL + STORES + """
                          apphome:functions:
                            parser: {repository: captions, tag: 1.0.0, queue: {name: captions, maxConcurrency: 1}}
                        """));
    }

    @Test
    void aFunctionNeedsAQueueOrAScheduleAndNotBoth() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:functions.parser: sets more than one of schedule and queue; "
                        + "allowed: exactly one"),
                problems(Stacks.MINIMAL + STORES + """
                          apphome:functions:
                            parser: {repository: captions, tag: 1.0.0, queue: {name: captions}, schedule: {at: "rate(1 day)"}}
                        """));
    }

    @Test
    void aFunctionWithNeitherSaysWhatToWrite() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:functions.parser.queue: is required, or schedule; allowed: "
                        + "queue: {name: <a queue of queues>} for a queue-driven function, or schedule: "
                        + "{at: \"rate(15 minutes)\"}"),
                problems(Stacks.MINIMAL + STORES + """
                          apphome:functions:
                            parser: {repository: captions, tag: 1.0.0}
                        """));
    }

    @Test
    void aVisibilityTimeoutBelowSixTimesTheFunctionsTimeoutIsAWarningOnly() {
        var settings = Stacks.parse(Stacks.MINIMAL + STORES + """
                  apphome:functions:
                    parser: {repository: captions, tag: 1.0.0, timeoutSeconds: 30, queue: {name: captions}}
                """);

        assertEquals(List.of("Pulumi.test.yaml: apphome:queues.captions.visibilityTimeoutSeconds: is 60, less than 6 × "
                        + "the timeout of function 'parser' (30 s); AWS advises 180 or more, so that a throttled batch is "
                        + "retried before its messages reappear"),
                settings.warnings().stream().map(Object::toString).toList());
    }

    @Test
    void aBatchOfMoreThanTenMessagesNeedsABatchingWindow() {
        assertEquals(List.of("Pulumi.test.yaml: apphome:functions.parser.queue.maxBatchingWindowSeconds: is 0 with "
                        + "batchSize 20; allowed: 1 or more when batchSize is above 10 (Lambda refuses larger batches "
                        + "without a batching window)"),
                problems(Stacks.MINIMAL + STORES + """
                          apphome:functions:
                            parser: {repository: captions, tag: 1.0.0, queue: {name: captions, batchSize: 20}}
                        """));
    }
}
