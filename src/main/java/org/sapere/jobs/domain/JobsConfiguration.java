package org.sapere.jobs.domain;

import io.micrometer.core.instrument.MeterRegistry;
import org.sapere.jobs.JobHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The worker, unless {@code sapere.jobs.enabled} is false on this instance (it can still enqueue). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
class JobsConfiguration {

    @Bean
    @ConditionalOnProperty(name = "sapere.jobs.enabled", havingValue = "true", matchIfMissing = true)
    JobWorker jobWorker(
            JobQueue queue,
            ObjectProvider<JobHandler> handlers,
            JobsProperties properties,
            JobSignal signal,
            MeterRegistry meters) {
        return new JobWorker(queue, handlers.orderedStream().toList(), properties, signal, meters);
    }
}
