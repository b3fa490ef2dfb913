package org.riskbudget.projection.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Query parameters are as strict as request bodies: a parameter the endpoint does not take, or one given twice,
 * answers 400 naming it, because {@code ?stauts=ACCEPTED} silently ignored would answer a question nobody asked.
 */
final class StrictQueryParameters implements HandlerInterceptor {

    private final Map<HandlerMethod, Set<String>> accepted = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Set<String> names = accepted.computeIfAbsent(method, StrictQueryParameters::parameterNames);
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!names.contains(parameter.getKey())) {
                throw new LedgerException(LedgerErrorCode.VALIDATION_FAILED, "unknown query parameter "
                        + parameter.getKey() + (names.isEmpty() ? "" : "; this endpoint takes " + names));
            }
            if (parameter.getValue().length > 1) {
                throw new LedgerException(LedgerErrorCode.VALIDATION_FAILED,
                        "query parameter " + parameter.getKey() + " is given more than once");
            }
        }
        return true;
    }

    private static Set<String> parameterNames(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestParam.class))
                .map(StrictQueryParameters::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String name(MethodParameter parameter) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        return !annotation.name().isEmpty() ? annotation.name() : parameter.getParameterName();
    }
}
