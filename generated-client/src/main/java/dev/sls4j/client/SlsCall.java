package dev.sls4j.client;

import java.util.concurrent.CompletableFuture;

/**
 * One invocation of an SLS operation, not yet sent. Execute it once, synchronously or asynchronously.
 *
 * @param <T> the decoded body of a successful answer; {@link Void} when the operation answers without one
 */
public interface SlsCall<T> {

  /**
   * Sends the request and waits for the answer.
   *
   * @throws SlsServiceException if the service (or a proxy in front of it) answered with a non-2xx status
   * @throws SlsClientException if no usable answer arrived: connection failure, timeout, cancellation
   * @throws IllegalStateException if this call was executed before
   */
  SlsResponse<T> execute();

  /**
   * Sends the request on OkHttp's dispatcher and returns at once. The future completes with the response, or
   * exceptionally with the {@link SlsServiceException} or {@link SlsClientException} that {@link #execute()} would
   * throw. Cancelling the future cancels the HTTP call.
   */
  CompletableFuture<SlsResponse<T>> executeAsync();

  /** Cancels the call; one in flight fails with {@link SlsClientException}. */
  void cancel();

  /** A new, unexecuted call with the same arguments. */
  SlsCall<T> copy();
}
