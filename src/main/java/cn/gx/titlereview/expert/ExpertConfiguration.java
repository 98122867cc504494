package cn.gx.titlereview.expert;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The settings of the experts' notices and links ({@code titlereview.experts.*}). */
@Configuration
@EnableConfigurationProperties(ExpertSettings.class)
class ExpertConfiguration {
}
