// Wrappers over zlib's `inflateInit2` and `deflateInit2`.
//
// Both are function-like macros that add ZLIB_VERSION and sizeof(z_stream); Swift does not import macros, so
// these inline functions give Swift something to call.
#ifndef LIQPIPE_CZLIB_SHIM_H
#define LIQPIPE_CZLIB_SHIM_H

#include <zlib.h>

static inline int czlib_inflate_init2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

static inline int czlib_deflate_init2(z_streamp stream, int level, int method, int windowBits, int memLevel,
                                      int strategy) {
    return deflateInit2(stream, level, method, windowBits, memLevel, strategy);
}

#endif
