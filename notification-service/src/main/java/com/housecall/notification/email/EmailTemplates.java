package com.housecall.notification.email;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders patient emails from {@code templates/email/<name>.subject.txt}, {@code <name>.txt} and
 * {@code <name>.html}.
 * Templates name the service "Housecall" and carry no clinical detail (CLINICAL-RULES.md section 4).
 */
@Component
public class EmailTemplates {

    private static final Locale LOCALE = Locale.US;

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    public EmailTemplates() {
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/email/");
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** Renders {@code <name>.subject.txt}, {@code <name>.txt} and {@code <name>.html} with {@code variables}. */
    public RenderedEmail render(String name, Map<String, ?> variables) {
        Context context = new Context(LOCALE, new java.util.HashMap<String, Object>(variables));
        return new RenderedEmail(engine.process(name + ".subject.txt", context).strip(),
                engine.process(name + ".txt", context), engine.process(name + ".html", context));
    }
}
