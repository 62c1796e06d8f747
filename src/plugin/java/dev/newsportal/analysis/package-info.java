/**
 * Elasticsearch analysis plugin, on the stable plugin API, for a node without the analysis-common and
 * analysis-kuromoji modules (the integration-test distribution the portal embeds). It registers the language
 * analyzers and token filters the portal's mappings use under Elasticsearch's official names, each built from
 * the same Lucene classes as the official one, so the same mappings work unchanged on a full distribution, where
 * this plugin is never installed. {@code lowercase} is not here: the bare node already has it, and registering
 * a name twice stops the node at boot.
 */
package dev.newsportal.analysis;
