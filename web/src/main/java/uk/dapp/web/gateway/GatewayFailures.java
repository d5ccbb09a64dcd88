package uk.dapp.web.gateway;

import java.io.IOException;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import uk.dapp.web.gateway.GatewayException.ConflictException;
import uk.dapp.web.gateway.GatewayException.NotFoundException;
import uk.dapp.web.gateway.GatewayException.NotPermittedException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.gateway.GatewayException.ServiceUnavailableException;
import uk.dapp.web.gateway.GatewayException.SignInAgainException;

/**
 * Turns every failed call to the gateway into a {@link GatewayException} saying what the page
 * should do: the status handler sorts error answers, the interceptor a call that got no answer.
 */
final class GatewayFailures implements ClientHttpRequestInterceptor {

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) {
        try {
            return execution.execute(request, body);
        } catch (IOException noAnswer) {
            throw new ServiceUnavailableException(
                    Service.ofPath(request.getURI().getPath()), null, noAnswer);
        }
    }

    static GatewayException of(HttpRequest request, ClientHttpResponse response) throws IOException {
        Service service = Service.ofPath(request.getURI().getPath());
        int status = response.getStatusCode().value();
        ServiceProblem problem = ServiceProblem.read(status, response.getBody().readAllBytes());
        return switch (status) {
            case 400 -> new RejectedRequestException(service, problem);
            case 401 -> new SignInAgainException(service, problem);
            case 403 -> new NotPermittedException(service, problem);
            case 404 -> new NotFoundException(service, problem);
            case 409 -> new ConflictException(service, problem);
            default ->
                status == 429 || status >= 500
                        ? new ServiceUnavailableException(service, problem, null)
                        : new GatewayException(service, problem, service.name() + " answered " + status, null);
        };
    }
}
