package org.sapere.jobs.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sapere.jobs.Job;
import org.sapere.jobs.JobContext;
import org.sapere.jobs.JobHandler;
import org.sapere.jobs.JobStatus;
import org.sapere.jobs.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The module's beans as Spring puts them together: handler beans, the settings, and the worker's lifecycle. */
@Tag("db")
@SpringBootTest
class JobsWiringTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theWorkerRunsTheJobsOfTheHandlerBeansAndStopsWithTheContext() {
        var type = "test.wiring." + UUID.randomUUID();
        var handler = new Handler(type);
        runner().withBean("handler", JobHandler.class, () -> handler).run(context -> {
            assertThat(context).hasSingleBean(JobWorker.class);
            var worker = context.getBean(JobWorker.class);
            assertThat(worker.isRunning()).isTrue();
            var jobs = context.getBean(Jobs.class);

            var id = jobs.enqueue(type, "{}");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jobs.status(id).map(JobStatus::state).orElse(null) == JobStatus.State.SUCCEEDED);
            context.close();
            assertThat(worker.isRunning()).isFalse();
        });
    }

    @Test
    void settingsHaveTheirDefaultsAndCanBeChanged() {
        new ApplicationContextRunner()
                .withUserConfiguration(Settings.class)
                .run(context -> assertThat(context.getBean(JobsProperties.class))
                        .isEqualTo(new JobsProperties(
                                true,
                                1,
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(60),
                                Duration.ofSeconds(30),
                                Duration.ofSeconds(10),
                                Duration.ofDays(7))));
        new ApplicationContextRunner()
                .withUserConfiguration(Settings.class)
                .withPropertyValues("sapere.jobs.workers=4", "sapere.jobs.lease=5m", "sapere.jobs.retry-delay=1m")
                .run(context -> {
                    var settings = context.getBean(JobsProperties.class);
                    assertThat(settings.workers()).isEqualTo(4);
                    assertThat(settings.lease()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(settings.backoff(3)).isEqualTo(Duration.ofMinutes(4));
                });
        // As the README names them.
        new ApplicationContextRunner()
                .withUserConfiguration(Settings.class)
                .withInitializer(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("SAPERE_JOBS_POLL_INTERVAL", "5s", "SAPERE_JOBS_KEEP_SUCCEEDED", "1d"))))
                .run(context -> {
                    var settings = context.getBean(JobsProperties.class);
                    assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(settings.keepSucceeded()).isEqualTo(Duration.ofDays(1));
                });
        new ApplicationContextRunner()
                .withUserConfiguration(Settings.class)
                .withPropertyValues("sapere.jobs.workers=0")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void aDisabledInstanceHasNoWorkerButCanEnqueue() {
        runner().withPropertyValues("sapere.jobs.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(JobWorker.class);
            var jobs = context.getBean(Jobs.class);
            var id = jobs.enqueue("test.disabled." + UUID.randomUUID(), "{}");
            assertThat(jobs.status(id).orElseThrow().state()).isEqualTo(JobStatus.State.QUEUED);
        });
    }

    @Test
    void twoHandlersForOneTypeStopTheStart() {
        runner().withBean("one", JobHandler.class, () -> new Handler("test.twice"))
                .withBean("two", JobHandler.class, () -> new Handler("test.twice"))
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("Two job handlers for type test.twice"));
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withBean(JdbcClient.class, () -> jdbc)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withUserConfiguration(JobsConfiguration.class, JobQueue.class, JobSignal.class, Jobs.class)
                .withPropertyValues("sapere.jobs.poll-interval=100ms", "sapere.jobs.lease=2s");
    }

    @org.springframework.boot.context.properties.EnableConfigurationProperties(JobsProperties.class)
    static class Settings {}

    private record Handler(String type) implements JobHandler {
        @Override
        public void run(Job job, JobContext context) {}
    }
}
