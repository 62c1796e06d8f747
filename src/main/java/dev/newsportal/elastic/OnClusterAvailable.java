package dev.newsportal.elastic;

/** Start-up work that needs Elasticsearch; run in order once the cluster first answers. */
public interface OnClusterAvailable {

    void onClusterAvailable() throws Exception;
}
