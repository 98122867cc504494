package cn.gx.titlereview.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The character classes of {@link TextRules}, at their edges: every kept text and every imported cell pass here. */
class TextRulesTest {

  static final String CONTROL = "含有不可见的控制字符，请删除后重新提交";
  static final String NUL = "含有空字符（NUL），请删除后重新提交";
  static final String BROKEN = "含有无效的 Unicode 字符（不成对的代理项），请检查文件编码";

  @Test
  void everyControlCharacterButTabAndLineBreaksIsRefused() {
    for (char c = 0; c < 0x100; c++) {
      boolean control = Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
      String problem = TextRules.unsafe("张" + c + "三");
      assertThat(problem).as("U+%04X", (int) c).isEqualTo(!control ? null : c == 0 ? NUL : CONTROL);
    }
    assertThat(TextRules.unsafe("第一行\r\n第二行\t制表")).isNull();
  }

  @Test
  void aNulAnywhereIsNamedEvenAfterAnotherControlCharacter() {
    assertThat(TextRules.unsafe("a\u0001b\u0000c")).isEqualTo(NUL);
    assertThat(TextRules.unsafe("\u007f")).isEqualTo(CONTROL);
    assertThat(TextRules.unsafe("\u0085\ud800")).as("a control character is named before broken Unicode")
        .isEqualTo(CONTROL);
  }

  @Test
  void onlyWholeSurrogatePairsPass() {
    assertThat(TextRules.unsafe("𠀀𪚥")).isNull();
    assertThat(TextRules.unsafe("a\ud800")).isEqualTo(BROKEN);
    assertThat(TextRules.unsafe("\udc00a")).isEqualTo(BROKEN);
    assertThat(TextRules.unsafe("\ud800\ud800\udc00")).isEqualTo(BROKEN);
  }

  @Test
  void aCellThatStartsLikeAFormulaIsRefusedUnlessItIsANumber() {
    assertThat(TextRules.unsafeCell("=cmd|' /C calc'!A0")).startsWith("以“=”开头");
    assertThat(TextRules.unsafeCell("  @SUM(A1)")).startsWith("以“@”开头");
    assertThat(TextRules.unsafeCell("+86 (771) 123-4567")).isNull();
    assertThat(TextRules.unsafeCell("-12.5")).isNull();
    assertThat(TextRules.unsafeCell("-高级")).startsWith("以“-”开头");
    assertThat(TextRules.unsafeCell("工程师=高级")).isNull();
    assertThat(TextRules.unsafeCell("   ")).isNull();
  }
}
