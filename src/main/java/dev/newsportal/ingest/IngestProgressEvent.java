package dev.newsportal.ingest;

/** Published on the job's own thread as documents are acknowledged, and once when a job ends. */
public record IngestProgressEvent(IngestJob.Status status) {
}
