/* whosaid: who said what, when, and who reported it. The umbrella header of
 * libwhosaid's public API. */
#ifndef WHOSAID_H
#define WHOSAID_H

#include "whosaid/article.h"
#include "whosaid/corpus.h"
#include "whosaid/input.h"
#include "whosaid/status.h"

#define WHOSAID_VERSION "0.1.0"

#endif
