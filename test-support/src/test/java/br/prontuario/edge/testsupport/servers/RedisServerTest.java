package br.prontuario.edge.testsupport.servers;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.localcluster.redis.RedisServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedisServerTest {

  @Test
  void answersPingOnItsLoopbackPort() throws Exception {
    RedisServer redis = SharedRedis.server();
    try (Socket socket = new Socket("127.0.0.1", redis.port())) {
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(in.readLine()).isEqualTo("+PONG");
    }
  }
}
