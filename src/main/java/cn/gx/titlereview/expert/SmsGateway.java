package cn.gx.titlereview.expert;

import cn.gx.titlereview.draw.RosterRepository;
import cn.gx.titlereview.library.Contacts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The SMS gateway adapter: one HTTP POST per message to {@code titlereview.experts.sms.url}, with the key as a bearer
 * token and a JSON body {@code {"mobile", "content", "reference"}}; any 2xx is the gateway's acceptance. A provincial
 * gateway that wants another shape gets a small proxy, or a class of its own implementing {@link NoticeChannel}.
 */
@Component
class SmsGateway implements NoticeChannel {

  private final ExpertSettings.Sms settings;
  private final ObjectMapper json;
  private final HttpClient http;

  SmsGateway(ExpertSettings settings, ObjectMapper json) {
    this.settings = settings.sms();
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(this.settings.timeout()).build();
  }

  @Override
  public ContactLog.Channel channel() {
    return ContactLog.Channel.SMS;
  }

  @Override
  public boolean reaches(RosterRepository.Contact contact) {
    return settings.configured() && contact.phone() != null && !contact.phone().isBlank();
  }

  @Override
  public String address(RosterRepository.Contact contact) {
    return "手机 " + Contacts.maskPhone(contact.phone());
  }

  @Override
  public void send(Notice notice) throws DeliveryFailed {
    String body;
    try {
      body = json.writeValueAsString(Map.of("mobile", notice.to().phone().strip(), "content", notice.text(),
          "reference", notice.reference()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Authorization", "Bearer " + (settings.key() == null ? "" : settings.key()))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() / 100 != 2) {
        throw new DeliveryFailed("短信网关拒绝（HTTP " + response.statusCode() + "）", null);
      }
    } catch (IOException e) {
      throw new DeliveryFailed("短信网关无法连接（" + e.getClass().getSimpleName() + "）", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailed("发送被中断", e);
    }
  }
}
