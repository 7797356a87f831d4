package io.etlfleet.api.input;

import io.etlfleet.api.errors.FieldProblem;
import java.util.function.Function;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts {@link ApiPathErrorValve} on Tomcat's host in place of the error report valve Spring
 * Boot adds there (so it runs after Boot's customizer) and makes it the host's error report
 * valve class, so Tomcat adds no other at start.
 */
class ApiPathErrorCustomizer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    private final Function<String, FieldProblem> describePath;

    ApiPathErrorCustomizer(Function<String, FieldProblem> describePath) {
        this.describePath = describePath;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ApiPathErrorValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ApiPathErrorValve.class.getName());
                host.getPipeline().addValve(new ApiPathErrorValve(describePath));
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
