/* bp-memory.c: giving the system back the memory start-up freed
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-memory"

#include "config.h"

#include "bp-memory.h"

/* After a libc header: it is what says whether this is glibc. */
#ifdef __GLIBC__
#include <malloc.h>
#endif

/* glibc's own defaults. Left to itself, glibc raises the size it maps blocks at to that of
 * the largest block freed, a frame's image surface (1.4 MiB for a page), and the size its
 * heap keeps free to twice that: from then on such blocks come from the heap and stay
 * there once freed, 4 to 5 MiB that the app never gave back after its first frames.
 * Start-up runs with that (mapping every large block afresh cost it 10 ms here); once it
 * is over, a large block that needs new memory is mapped for itself, and the heap gives
 * back what it has free beyond this much. */
#define MMAP_THRESHOLD_BYTES (128 * 1024)
#define TRIM_THRESHOLD_BYTES (128 * 1024)

/**
 * bp_memory_start_up_ended:
 *
 * Returns to the system what start-up freed, and from now on large blocks and the heap's
 * free end as soon as they are freed. Call once the first page is shown; does nothing but
 * on glibc.
 */
void
bp_memory_start_up_ended (void)
{
#ifdef __GLIBC__
  mallopt (M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES);
  mallopt (M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES);
  malloc_trim (0);
#endif
}
