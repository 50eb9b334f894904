// Typed wrappers over libcurl's variadic setters and getters.
//
// Swift does not import C functions declared with `...`, and libcurl has no `va_list` form, so every binding
// needs one small wrapper per argument kind. Each wrapper passes exactly the C type libcurl reads with `va_arg`
// (`long` for CURLOPTTYPE_LONG, `curl_off_t` for CURLOPTTYPE_OFF_T, ...), which settles the type question once.
#ifndef LIQPIPE_CCURL_SHIM_H
#define LIQPIPE_CCURL_SHIM_H

#include <curl/curl.h>

/// The signature libcurl expects for CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION.
typedef size_t (*ccurl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// libcurl copies string options (CURLOPT_URL, CURLOPT_USERAGENT, ...), so a temporary C string is enough.
static inline CURLcode ccurl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// libcurl does NOT copy the list: it must stay alive until the transfer is over.
static inline CURLcode ccurl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_setopt_data_callback(CURL *handle, CURLoption option, ccurl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode ccurl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode ccurl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// The string belongs to the handle and is valid only until its next transfer or reset: copy it at once.
static inline CURLcode ccurl_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return curl_easy_getinfo(handle, info, value);
}

/// CURLINFO_ACTIVESOCKET writes a `curl_socket_t` (an `int` here), which no other wrapper's pointer type matches.
static inline CURLcode ccurl_getinfo_socket(CURL *handle, CURLINFO info, curl_socket_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
