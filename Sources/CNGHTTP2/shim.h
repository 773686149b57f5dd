// CNGHTTP2: nghttp2 for Swift, one API across library versions.
//
// nghttp2 1.60 replaced the `ssize_t` API (`nghttp2_session_mem_recv`, `nghttp2_data_provider`,
// `nghttp2_submit_response`, ...) by `nghttp2_ssize` twins with a `2` suffix and deprecated the
// old names. Debian 12 ships 1.52, which has only the old ones. The `cnghttp2_` forwarders below
// pick the right one at compile time, so the Swift side reads the same against both: sizes are
// `cnghttp2_ssize` (both types import as `Int`) and a data provider is given as its source pointer
// and read callback, from which the forwarder builds the provider struct of the right version.
//
// Security options that distributions backport without bumping the version
// (`nghttp2_option_set_stream_reset_rate_limit`, upstream 1.57, the rapid-reset guard;
// `nghttp2_option_set_max_continuations`, upstream 1.61, the CONTINUATION-flood guard) are probed
// by feature, not by version: nghttp2.h declares no macro for them and SwiftPM has no configure
// step, so they are redeclared as weak symbols and used only when the loaded library defines them.
// Redeclaring a function the header already declares only adds the attribute; against a header
// that lacks it the redeclaration supplies the prototype. Each forwarder reports whether the
// option took effect, so the caller can log what the running library lacks.

#ifndef CNGHTTP2_SHIM_H
#define CNGHTTP2_SHIM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <nghttp2/nghttp2.h>

#if NGHTTP2_VERSION_NUM >= 0x013c00
#define CNGHTTP2_HAS_SSIZE_API 1
typedef nghttp2_ssize cnghttp2_ssize;
typedef nghttp2_data_source_read_callback2 cnghttp2_data_source_read_callback;
typedef nghttp2_data_provider2 cnghttp2_data_provider;
#else
#define CNGHTTP2_HAS_SSIZE_API 0
typedef ssize_t cnghttp2_ssize;
typedef nghttp2_data_source_read_callback cnghttp2_data_source_read_callback;
typedef nghttp2_data_provider cnghttp2_data_provider;
#endif

/// Feeds received bytes to the session; returns the bytes processed or a negative error code.
static inline cnghttp2_ssize cnghttp2_session_mem_recv(nghttp2_session *session,
                                                       const uint8_t *in, size_t inlen) {
#if CNGHTTP2_HAS_SSIZE_API
  return nghttp2_session_mem_recv2(session, in, inlen);
#else
  return nghttp2_session_mem_recv(session, in, inlen);
#endif
}

/// Serializes the next pending frames; `*data` stays valid only until the next nghttp2 call.
static inline cnghttp2_ssize cnghttp2_session_mem_send(nghttp2_session *session,
                                                       const uint8_t **data) {
#if CNGHTTP2_HAS_SSIZE_API
  return nghttp2_session_mem_send2(session, data);
#else
  return nghttp2_session_mem_send(session, data);
#endif
}

/// Submits response HEADERS; with a NULL `read_callback` they end the stream, otherwise the body
/// is read by `read_callback`, which receives `source` as `source->ptr`.
static inline int cnghttp2_submit_response(nghttp2_session *session, int32_t stream_id,
                                           const nghttp2_nv *nva, size_t nvlen, void *source,
                                           cnghttp2_data_source_read_callback read_callback) {
  if (read_callback == NULL) {
#if CNGHTTP2_HAS_SSIZE_API
    return nghttp2_submit_response2(session, stream_id, nva, nvlen, NULL);
#else
    return nghttp2_submit_response(session, stream_id, nva, nvlen, NULL);
#endif
  }
  cnghttp2_data_provider provider;
  provider.source.ptr = source;
  provider.read_callback = read_callback;
#if CNGHTTP2_HAS_SSIZE_API
  return nghttp2_submit_response2(session, stream_id, nva, nvlen, &provider);
#else
  return nghttp2_submit_response(session, stream_id, nva, nvlen, &provider);
#endif
}

/// Submits request HEADERS whose body `read_callback` reads (receiving `source` as
/// `source->ptr`); returns the new stream id or a negative error code.
static inline int32_t cnghttp2_submit_request(nghttp2_session *session, const nghttp2_nv *nva,
                                              size_t nvlen, void *source,
                                              cnghttp2_data_source_read_callback read_callback) {
  cnghttp2_data_provider provider;
  provider.source.ptr = source;
  provider.read_callback = read_callback;
#if CNGHTTP2_HAS_SSIZE_API
  return nghttp2_submit_request2(session, NULL, nva, nvlen, &provider, NULL);
#else
  return nghttp2_submit_request(session, NULL, nva, nvlen, &provider, NULL);
#endif
}

extern void nghttp2_option_set_stream_reset_rate_limit(nghttp2_option *option, uint64_t burst,
                                                       uint64_t rate) __attribute__((weak));
extern void nghttp2_option_set_max_continuations(nghttp2_option *option, size_t val)
    __attribute__((weak));

/// Sets the incoming RST_STREAM token bucket (server only); returns 0 if the library lacks it.
static inline int cnghttp2_option_set_stream_reset_rate_limit(nghttp2_option *option,
                                                              uint64_t burst, uint64_t rate) {
  if (nghttp2_option_set_stream_reset_rate_limit == NULL) {
    return 0;
  }
  nghttp2_option_set_stream_reset_rate_limit(option, burst, rate);
  return 1;
}

/// Caps the CONTINUATION frames after one HEADERS; returns 0 if the library lacks it.
static inline int cnghttp2_option_set_max_continuations(nghttp2_option *option, size_t val) {
  if (nghttp2_option_set_max_continuations == NULL) {
    return 0;
  }
  nghttp2_option_set_max_continuations(option, val);
  return 1;
}

#endif
