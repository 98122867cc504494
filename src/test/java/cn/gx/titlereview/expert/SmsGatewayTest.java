package cn.gx.titlereview.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gx.titlereview.draw.RosterRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMS adapter against an in-process HTTP server that stands for a provincial gateway and checks each request. */
class SmsGatewayTest {

  record Received(String method, String path, String authorization, String contentType, JsonNode body) {
  }

  private final ObjectMapper json = new ObjectMapper();
  private final List<Received> received = new ArrayList<>();
  private HttpServer gateway;
  private int status = 200;
  private boolean running;

  @BeforeEach
  void startGateway() throws IOException {
    gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext("/sms/send", exchange -> {
      received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"),
          json.readTree(exchange.getRequestBody().readAllBytes())));
      byte[] answer = "{\"code\":0}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    gateway.start();
    running = true;
  }

  @AfterEach
  void stopGateway() {
    if (running) {
      gateway.stop(0);
    }
  }

  @Test
  void postsTheMessageWithTheKeyAndTheGatewayTakesIt() throws Exception {
    SmsGateway sms = gatewayAt("/sms/send", "k-123");
    RosterRepository.Contact to = new RosterRepository.Contact(1, "E01", "张三", " 13912345678 ", null);
    assertThat(sms.reaches(to)).isTrue();
    assertThat(sms.address(to)).isEqualTo("手机 139****5678");
    sms.send(new Notice(to, "主题", "【职称评审】请打开 https://example.invalid/e/abc", "https://example.invalid/e/abc",
        "ref-1"));

    assertThat(received).hasSize(1);
    Received r = received.get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/sms/send");
    assertThat(r.authorization()).isEqualTo("Bearer k-123");
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.body().get("mobile").asText()).isEqualTo("13912345678");
    assertThat(r.body().get("content").asText()).isEqualTo("【职称评审】请打开 https://example.invalid/e/abc");
    assertThat(r.body().get("reference").asText()).isEqualTo("ref-1");
  }

  @Test
  void aRefusalOrASilentGatewayIsAFailedDeliveryWithItsReason() {
    status = 503;
    RosterRepository.Contact to = new RosterRepository.Contact(1, "E01", "张三", "13912345678", null);
    Notice notice = new Notice(to, "主题", "正文", "https://example.invalid/e/abc", "ref-2");
    assertThatThrownBy(() -> gatewayAt("/sms/send", "k").send(notice))
        .isInstanceOf(NoticeChannel.DeliveryFailed.class).hasMessage("短信网关拒绝（HTTP 503）");
    gateway.stop(0);
    running = false;
    assertThatThrownBy(() -> gatewayAt("/sms/send", "k").send(notice))
        .isInstanceOf(NoticeChannel.DeliveryFailed.class).hasMessageStartingWith("短信网关无法连接");
  }

  @Test
  void withoutAUrlNoExpertIsReachedBySms() {
    ExpertSettings settings = new ExpertSettings(null, true, null, new ExpertSettings.Sms(URI.create(""), null, null),
        null);
    assertThat(new SmsGateway(settings, json).reaches(new RosterRepository.Contact(1, "E01", "张三", "139", null)))
        .isFalse();
  }

  private SmsGateway gatewayAt(String path, String key) {
    URI url = URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + path);
    return new SmsGateway(new ExpertSettings(null, false, null,
        new ExpertSettings.Sms(url, key, Duration.ofSeconds(2)), null), json);
  }
}
