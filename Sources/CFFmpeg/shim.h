#ifndef SRETV_CFFMPEG_SHIM_H
#define SRETV_CFFMPEG_SHIM_H

#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/error.h>
#include <libavutil/opt.h>
#include <libavutil/channel_layout.h>
#include <libavutil/imgutils.h>
#include <libavutil/mathematics.h>
#include <libavutil/dict.h>
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersrc.h>
#include <libavfilter/buffersink.h>
#include <errno.h>

/// Swift cannot import function-like macros: these re-export the ones SREtv uses.
static inline int sretv_averror(int errnum) { return AVERROR(errnum); }
static inline int sretv_averror_eof(void) { return AVERROR_EOF; }
static inline int sretv_averror_eagain(void) { return AVERROR(EAGAIN); }
static inline int64_t sretv_nopts_value(void) { return AV_NOPTS_VALUE; }
static inline AVRational sretv_time_base_q(void) { return AV_TIME_BASE_Q; }

#endif
