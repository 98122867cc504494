package cn.gx.titlereview.demo;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo's sessions ({@code titlereview.demo.*}).
 *
 * @param applicants applicants per filled session: 60 for a tour, more for the season benchmark
 */
@Validated
@ConfigurationProperties("titlereview.demo")
record DemoSettings(@DefaultValue("60") @Positive int applicants) {
}
