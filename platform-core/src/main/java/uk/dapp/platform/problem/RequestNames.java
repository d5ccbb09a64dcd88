package uk.dapp.platform.problem;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** How a problem names a request parameter: as the caller wrote it, for the services and the gateway alike. */
public final class RequestNames {

    private RequestNames() {}

    /** The name the caller used: a header's or query parameter's own name, not the Java parameter's. */
    public static String of(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !(header.value().isEmpty() && header.name().isEmpty())) {
            return header.name().isEmpty() ? header.value() : header.name();
        }
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null && !(query.value().isEmpty() && query.name().isEmpty())) {
            return query.name().isEmpty() ? query.value() : query.name();
        }
        return parameter.getParameterName();
    }
}
