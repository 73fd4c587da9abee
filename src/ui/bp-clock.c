/* bp-clock.c: the time the app studies at: now, or BACKPROP_NOW for tests and demos
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-clock"

#include "config.h"

#include "bp-clock.h"

/* A study day starts at 4 am, as Anki's: a review at 1 am counts for the evening before. */
#define DAY_START_US (G_GINT64_CONSTANT (4) * G_USEC_PER_SEC * 3600)

/**
 * bp_clock_now_us:
 *
 * The one place the app reads the clock for studying. BACKPROP_NOW (ISO 8601, such as
 * "2026-12-01T09:00:00Z") replaces it, read on each call so a test or a demo can step
 * through days; one that does not parse is ignored, with a warning.
 *
 * Returns: UTC microseconds since 1970
 */
gint64
bp_clock_now_us (void)
{
  const char *override = g_getenv ("BACKPROP_NOW");
  g_autoptr(GDateTime) time = NULL;

  if (override == NULL || *override == '\0')
    return g_get_real_time ();

  time = g_date_time_new_from_iso8601 (override, NULL);
  if (time == NULL)
    {
      g_warning ("BACKPROP_NOW=%s is not an ISO 8601 time; using the real clock", override);
      return g_get_real_time ();
    }
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

/* The offset bp_review_day() takes: the local time zone's at @now_us, less the day's start. */
gint64
bp_clock_day_offset_us (gint64 now_us)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (now_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = time != NULL ? g_date_time_to_local (time) : NULL;

  return (local != NULL ? g_date_time_get_utc_offset (local) : 0) - DAY_START_US;
}
