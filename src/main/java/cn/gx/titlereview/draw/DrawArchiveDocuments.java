package cn.gx.titlereview.draw;

import static cn.gx.titlereview.workflow.ArchiveContribution.ArchivedDocument.generated;

import cn.gx.titlereview.session.ReviewSession;
import cn.gx.titlereview.workflow.ArchiveContribution;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The draw record for the archive package, as printed and as JSON, experts by code only: their names stay in the
 * system (and on the signed paper, scanned under RECORD_SHEETS).
 */
@Component
@Order(20)
class DrawArchiveDocuments implements ArchiveContribution {

  private final DrawRepository draws;
  private final DrawRecordSheet sheets;
  private final ObjectMapper json;

  DrawArchiveDocuments(DrawRepository draws, DrawRecordSheet sheets, ObjectMapper json) {
    this.draws = draws;
    this.sheets = sheets;
    this.json = json;
  }

  @Override
  public List<ArchivedDocument> documents(ReviewSession session) {
    return List.of(
        generated("generated/随机抽取评委记录单.pdf", "DRAW_RECORD", sheets.pdf(sheets.of(session, false))),
        generated("generated/随机抽取评委记录.json", "DRAW_RECORD", drawRecord(session)));
  }

  private byte[] drawRecord(ReviewSession session) {
    Map<String, Object> record = new LinkedHashMap<>();
    draws.find(session.id()).ifPresent(d -> record.put("draw", d));
    record.put("experts", draws.drawn(session.id()).stream().map(e -> Map.of("expertCode", e.expertCode(),
        "specialty", e.specialty(), "drawOrder", e.drawOrder(), "role", e.role(),
        "response", e.response() == null ? "" : e.response(),
        "replaces", e.replacesExpertCode() == null ? "" : e.replacesExpertCode())).toList());
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
