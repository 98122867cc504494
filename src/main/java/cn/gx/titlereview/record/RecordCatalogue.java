package cn.gx.titlereview.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The items of the record form (附件1), in the seed's wording and order, and where each answer comes from: a fact
 * the system computes ({@code fact}) or a person's attestation in a task ({@code attestation}). Kept as data in
 * {@code record/record-form-default.json}, so that an adjusted form is a new file, not new code.
 */
@Component
public class RecordCatalogue {

  /**
   * One item: answered by a {@code fact}, or by an {@code attestation} key (for items an adjusted form adds, given
   * by a user of {@code group}); {@code notApplicable} holds the reason when an adjusted form set it aside.
   */
  public record Item(String text, String fact, String attestation, String group, String notApplicable) {

    Item reworded(String newText) {
      return new Item(newText, fact, attestation, group, notApplicable);
    }

    Item setAside(String reason) {
      return new Item(text, fact, attestation, group, reason);
    }
  }

  public record Group(String title, List<Item> items) {
  }

  public record Section(String title, List<Group> groups) {
  }

  public record Catalogue(String version, String title, List<Section> sections) {

    public java.util.stream.Stream<Item> items() {
      return sections.stream().flatMap(s -> s.groups().stream()).flatMap(g -> g.items().stream());
    }
  }

  static final String DEFAULT = "/record/record-form-default.json";

  private final Catalogue catalogue;

  public RecordCatalogue(ObjectMapper json) {
    try (InputStream in = RecordCatalogue.class.getResourceAsStream(DEFAULT)) {
      this.catalogue = json.readValue(in, Catalogue.class);
    } catch (IOException e) {
      throw new UncheckedIOException("记录表目录 " + DEFAULT + " 无法读取", e);
    }
  }

  /** The seed's form, the default version. */
  public Catalogue current() {
    return catalogue;
  }

  /** Every fact key the default form answers from: what an added item may use too. */
  public java.util.Set<String> factKeys() {
    return catalogue.items().map(Item::fact).filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
  }
}
