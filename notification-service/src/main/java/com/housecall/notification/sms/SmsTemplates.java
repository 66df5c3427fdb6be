package com.housecall.notification.sms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders SMS texts from {@code templates/sms/<name>.txt} (Thymeleaf, text mode). Templates are GSM-7 only and
 * name no drug, diagnosis, score or answer; every value is made GSM-7 before it goes in, so the text is too.
 */
@Component
public class SmsTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    public SmsTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/sms/");
        resolver.setSuffix(".txt");
        resolver.setResolvablePatterns(Set.of("*"));
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        engine.addTemplateResolver(resolver);
    }

    public String render(String name, Map<String, ?> variables) {
        Map<String, Object> safe = new LinkedHashMap<>();
        variables.forEach((key, value) -> safe.put(key, value == null ? "" : Gsm7.sanitize(value.toString())));
        return engine.process(name, new Context(java.util.Locale.US, safe)).strip();
    }
}
