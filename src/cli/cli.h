/* Shared by the whosaid subcommands (src/cli); the CLI uses only the
 * public API of libwhosaid. */
#ifndef WS_CLI_H
#define WS_CLI_H

#include "whosaid/store.h"
#include "whosaid/whosaid.h"

#include <stdbool.h>
#include <stddef.h>

/* Prints "whosaid: WHAT 'ARG' (HINT)" and the help pointer; returns the
 * usage exit status (2). */
int usage_error(const char *what, const char *arg, const char *hint);

/* Parses "N", "NK", "NM", "NG" (N > 0) into *out. */
bool parse_size(const char *s, size_t *out);

/* The value of "--name VALUE" or "--name=VALUE" at argv[*i] (advancing *i
 * past VALUE), or NULL when argv[*i] is not that option. */
const char *option_value(int argc, char **argv, int *i, const char *name);

/* What extract and ingest share: which documents, read how. */
typedef struct run_opts {
    ws_extract_opts xo;
    ws_input_opts io;
    unsigned jobs;      /* worker threads; 1 by default */
    bool quiet;         /* no progress, no summary */
    const char **paths; /* the PATH arguments (argv strings) */
    size_t n_paths;
    bool only_paths; /* after "--" */
} run_opts;

/* Takes argv[*i] when it is a PATH or one of the shared options (--as,
 * --max-bytes, -j/--jobs, --shard K/N, --quiet): sets *taken and returns
 * 0, or returns the usage exit status after printing why. r->paths must
 * have room for argc entries. */
int run_option(int argc, char **argv, int *i, run_opts *r, bool *taken);

int cmd_ingest(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_regroup(int argc, char **argv);
int cmd_quotes(int argc, char **argv);
int cmd_timeline(int argc, char **argv);
int cmd_speakers(int argc, char **argv);
int cmd_stories(int argc, char **argv);
int cmd_export(int argc, char **argv);

#endif
