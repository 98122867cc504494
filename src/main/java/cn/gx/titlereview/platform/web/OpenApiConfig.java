package cn.gx.titlereview.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's contract, by springdoc from the controllers themselves: {@code /api/openapi.json} and its browsable page
 * {@code /api/docs.html}, both behind the same Spring Security chain as the API (HTTP Basic or the login). Imports
 * read their body from the request (JSON array, or a multipart field {@code file} with .xlsx or .json: see
 * {@code UploadReader}); springdoc cannot see that, so those operations get that body described here.
 */
@Configuration
class OpenApiConfig {

  static final String BASIC = "basic";

  @Bean
  OpenAPI titleReviewApi() {
    return new OpenAPI()
        .info(new Info().title("职称评审监督 API").version("v1").description("广西职称评审监督管理（桂职办〔2022〕65号）："
            + "评审会各阶段的数据导入、合规检查结果、评审情况记录表（附件1）、抽取与抽查的复算、督查。所有接口需登录（HTTP Basic）；"
            + "拒绝时返回 {\"error\": \"中文说明\"}，导入被拒时另有 problems 列表。评审结果确认后，评审会的所有写接口返回 409。"))
        .components(new Components().addSecuritySchemes(BASIC,
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }

  /** Imports and uploads that read the raw request: a JSON array of rows, or a multipart field {@code file}. */
  @Bean
  OperationCustomizer importBodies() {
    return (operation, handler) -> {
      boolean readsRequest = Arrays.stream(handler.getMethodParameters())
          .anyMatch(p -> HttpServletRequest.class.equals(p.getParameterType()));
      if (readsRequest && operation.getRequestBody() == null) {
        Schema<?> file = new ObjectSchema().addProperty("file",
            new StringSchema().format("binary").description(".xlsx（首个工作表，首行为表头）或 .json"));
        operation.setRequestBody(new RequestBody().description("导入内容：JSON 数组（键为字段名或中文表头），"
            + "或表单字段 file 上传的 .xlsx / .json；全部行校验通过才写入").content(new Content()
            .addMediaType("application/json", new MediaType().schema(new ArraySchema().items(new ObjectSchema())))
            .addMediaType("multipart/form-data", new MediaType().schema(file))));
      }
      return operation;
    };
  }
}
