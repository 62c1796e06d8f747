package dev.newsportal.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class EmbeddedNodeTest {

    @Test
    void takenPortFallsBackToAFreeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int chosen = EmbeddedNode.portOrFree(taken.getLocalPort());
            assertThat(chosen).isPositive().isNotEqualTo(taken.getLocalPort());
        }
    }

    @Test
    void freePortIsKept() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        assertThat(EmbeddedNode.portOrFree(port)).isEqualTo(port);
    }

    @Test
    void distributionDirectoryIsNamedAfterTheZip() {
        assertThat(EmbeddedNode.distributionName(Path.of("/x/elasticsearch-8.19.21.zip"))).isEqualTo("elasticsearch-8.19.21");
    }
}
