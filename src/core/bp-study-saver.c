/* bp-study-saver.c: when and how the study store's data reaches its file: debounce, worker, retries, merges
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-study-saver"

#include "config.h"

#include <string.h>

#include "bp-study-file.h"
#include "bp-study-merge.h"
#include "bp-study-messages.h"
#include "bp-study-saver.h"
#include "bp-workers.h"

/*
 * Saving serializes on the main thread and writes in a worker, one job at a time, so results
 * apply in order. Every write first checks that the file is still the one the saver last wrote
 * or read; if it is not, the owner's data is merged with it instead of written over it. The
 * file's last known checksum and contents (the base of a three-way merge) live in a StudyDisk
 * shared with the workers under a lock.
 */

#define DEFAULT_SAVE_DELAY_MS 1000
#define DEFAULT_MONITOR_DELAY_MS 200

static const guint default_retry_delays_ms[] = { 2000, 5000, 10000, 30000 };

/* The file as read at one moment. */
typedef struct
{
  GBytes *bytes;      /* NULL: there is no file */
  char *checksum;     /* NULL: there is no file */
  BpStudyData *data;
  gint64 major;
  GError *problem;    /* why the file is damaged, or NULL */
  guint64 epoch;      /* the StudyDisk's epoch when the file was read */
} DiskState;

/* What the saver knows of the file on disk. Shared with workers, always used under @lock. */
typedef struct
{
  GMutex lock;
  char *path;
  char *checksum;      /* of the file as last written or merged; NULL: no file */
  BpStudyData *base;   /* that file's data: the common ancestor of the next merge */
  guint64 epoch;       /* bumped whenever @checksum and @base change */
  guint64 generation;  /* of the newest snapshot on disk: an older one is never written */
} StudyDisk;

typedef struct
{
  StudyDisk *disk;
  BpStudyData *data;
  GBytes *bytes;
  guint64 generation;
  BpStudySaveStatus status;
  gboolean written;
  DiskState *conflict;
} SaveJob;

struct _BpStudySaver
{
  GObject *owner; /* not a reference: the owner owns the saver; jobs hold it through GTask */
  const BpStudySaverHooks *hooks;
  char *path;
  StudyDisk *disk;

  gboolean stopped;
  guint n_writes;
  gboolean job_running;
  gboolean save_wanted;
  gboolean check_wanted;
  guint save_source;
  guint retry_source;
  guint retry_attempt;
  guint monitor_source;
  GFileMonitor *monitor;

  guint save_delay_ms;
  guint monitor_delay_ms;
  guint retry_delays_ms[BP_STUDY_SAVER_MAX_RETRY_DELAYS];
  guint n_retry_delays;
};

static void run_next_job (BpStudySaver *self);

/* Reading the file */

static void
disk_state_free (DiskState *state)
{
  g_clear_pointer (&state->bytes, g_bytes_unref);
  g_clear_pointer (&state->checksum, g_free);
  g_clear_pointer (&state->data, bp_study_data_free);
  g_clear_error (&state->problem);
  g_free (state);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DiskState, disk_state_free)

static DiskState *
disk_state_read (const char  *path,
                 GError     **error)
{
  g_autoptr(DiskState) state = g_new0 (DiskState, 1);

  if (!bp_study_file_read (path, &state->bytes, &state->checksum, error))
    return NULL;
  return g_steal_pointer (&state);
}

static void
disk_state_parse (DiskState *state)
{
  gsize length;
  const char *text;

  state->major = BP_STUDY_FORMAT_MAJOR;
  if (state->bytes == NULL)
    {
      state->data = bp_study_data_new ();
      return;
    }

  text = g_bytes_get_data (state->bytes, &length);
  state->data = bp_study_format_parse (text, length, &state->major, &state->problem);
}

/* The shared view of the disk */

static StudyDisk *
study_disk_new (const char *path)
{
  StudyDisk *disk = g_atomic_rc_box_new0 (StudyDisk);

  g_mutex_init (&disk->lock);
  disk->path = g_strdup (path);
  disk->base = bp_study_data_new ();

  return disk;
}

static void
study_disk_clear (gpointer data)
{
  StudyDisk *disk = data;

  g_mutex_clear (&disk->lock);
  g_clear_pointer (&disk->path, g_free);
  g_clear_pointer (&disk->checksum, g_free);
  g_clear_pointer (&disk->base, bp_study_data_free);
}

static void
study_disk_unref (StudyDisk *disk)
{
  g_atomic_rc_box_release_full (disk, study_disk_clear);
}

/* Called with the lock held: the file is now @checksum holding @base (transfer full). */
static void
study_disk_set_known (StudyDisk   *disk,
                      const char  *checksum,
                      BpStudyData *base)
{
  char *copy = g_strdup (checksum);

  g_clear_pointer (&disk->base, bp_study_data_free);
  disk->base = base;
  g_free (disk->checksum);
  disk->checksum = copy;
  disk->epoch++;
}

/* Called with the lock held. The state of the file if it is not the one the saver knows. */
static DiskState *
study_disk_read_if_changed (StudyDisk  *disk,
                            gboolean   *changed,
                            GError    **error)
{
  g_autoptr(DiskState) state = disk_state_read (disk->path, error);

  if (state == NULL)
    return NULL;

  *changed = g_strcmp0 (state->checksum, disk->checksum) != 0;
  if (!*changed)
    return NULL;

  disk_state_parse (state);
  state->epoch = disk->epoch;
  return g_steal_pointer (&state);
}

/* Called with the lock held. Returns the new name of the damaged file. */
static char *
study_disk_move_aside (StudyDisk  *disk,
                       GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  char *aside = bp_study_file_move_aside (disk->path, now, error);

  if (aside != NULL)
    study_disk_set_known (disk, NULL, bp_study_data_new ());
  return aside;
}

/* Called with the lock held. Merges the file into @mine. */
static BpStudyData *
study_disk_adopt (StudyDisk         *disk,
                  DiskState         *state,
                  const BpStudyData *mine,
                  guint64            generation,
                  gboolean          *in_sync)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  BpStudyData *merged = bp_study_merge (disk->base, mine, state->data, local);

  *in_sync = bp_study_data_equal (merged, state->data);
  study_disk_set_known (disk, state->checksum, g_steal_pointer (&state->data));
  /* Snapshots taken before the merge lack the file's changes: never write them now. */
  disk->generation = MAX (disk->generation, generation);

  return merged;
}

/* Saving */

static SaveJob *
save_job_new (BpStudySaver *self)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->disk = g_atomic_rc_box_acquire (self->disk);
  job->data = bp_study_data_copy (self->hooks->peek (self->owner, &job->generation));
  job->bytes = bp_study_format_serialize (job->data);

  return job;
}

static void
save_job_free (SaveJob *job)
{
  g_clear_pointer (&job->disk, study_disk_unref);
  g_clear_pointer (&job->data, bp_study_data_free);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->conflict, disk_state_free);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

/* Runs in a worker, or in bp_study_saver_save_now() on the main thread. */
static BpStudySaveStatus
save_job_run (SaveJob  *job,
              GError  **error)
{
  StudyDisk *disk = job->disk;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&disk->lock);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *checksum = NULL;
  gboolean changed = FALSE;

  /* A synchronous save wrote a newer snapshot while this one waited for the lock. */
  if (job->generation <= disk->generation)
    return BP_STUDY_SAVE_DONE;

  job->conflict = study_disk_read_if_changed (disk, &changed, &local_error);
  if (local_error == NULL && changed)
    return BP_STUDY_SAVE_CONFLICT;

  if (local_error != NULL || !bp_study_file_write (disk->path, job->bytes, &local_error))
    {
      g_propagate_error (error, _bp_study_store_error_new (BP_STUDY_STORE_ERROR_WRITE,
                                                           disk->path, local_error));
      return BP_STUDY_SAVE_FAILED;
    }

  checksum = bp_study_file_checksum (job->bytes);
  study_disk_set_known (disk, checksum, g_steal_pointer (&job->data));
  disk->generation = job->generation;
  job->written = TRUE;

  return BP_STUDY_SAVE_DONE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  BpStudySaver *self = user_data;

  self->save_source = 0;
  self->save_wanted = TRUE;
  run_next_job (self);

  return G_SOURCE_REMOVE;
}

static gboolean
retry_timeout_cb (gpointer user_data)
{
  BpStudySaver *self = user_data;

  self->retry_source = 0;
  self->save_wanted = TRUE;
  run_next_job (self);

  return G_SOURCE_REMOVE;
}

/**
 * bp_study_saver_schedule:
 *
 * One timeout, moved on by each change: the write happens once the user pauses. While a
 * failed write waits for its retry, only the retry saves.
 */
void
bp_study_saver_schedule (BpStudySaver *self)
{
  if (self->stopped || self->retry_source != 0)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (self->save_delay_ms, save_timeout_cb, self);
}

/* A synchronous save replaces the debounced one. */
void
bp_study_saver_unschedule (BpStudySaver *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
}

static void
schedule_retry (BpStudySaver *self)
{
  guint index = MIN (self->retry_attempt, self->n_retry_delays - 1);

  if (self->stopped || self->retry_source != 0)
    return;

  self->retry_attempt++;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->retry_source = g_timeout_add (self->retry_delays_ms[index], retry_timeout_cb, self);
}

/* The file must never be written again: a newer Backprop wrote it, or it cannot be set aside. */
void
bp_study_saver_stop (BpStudySaver *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->save_wanted = FALSE;
  self->stopped = TRUE;
}

static void
save_succeeded (BpStudySaver *self,
                SaveJob      *job)
{
  if (job->written)
    self->n_writes++;

  self->retry_attempt = 0;
  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->hooks->saved (self->owner, job->generation);
}

static void
save_failed (BpStudySaver *self,
             const GError *error)
{
  g_debug ("%s", error->message);
  self->hooks->failed (self->owner, error);
  schedule_retry (self);
}

/* The file is not what the saver last wrote or read: take its changes in. */
static void
apply_disk_state (BpStudySaver *self,
                  DiskState    *state)
{
  g_autoptr(BpStudyData) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  gboolean in_sync = FALSE;
  gboolean stale;
  guint64 generation;
  const BpStudyData *mine = self->hooks->peek (self->owner, &generation);

  g_mutex_lock (&self->disk->lock);
  stale = state->epoch != self->disk->epoch;
  if (stale)
    ;
  else if (state->major > BP_STUDY_FORMAT_MAJOR)
    error = _bp_study_store_error_new (BP_STUDY_STORE_ERROR_NEWER_VERSION, self->path, NULL);
  else if (state->problem != NULL)
    aside = study_disk_move_aside (self->disk, &error);
  else
    merged = study_disk_adopt (self->disk, state, mine, generation, &in_sync);
  g_mutex_unlock (&self->disk->lock);

  /* The owner is told only once the lock is free: its signal handlers may save. */
  if (stale)
    self->check_wanted = TRUE;
  else if (merged != NULL)
    {
      self->save_wanted = self->save_wanted || !in_sync;
      self->hooks->merged (self->owner, g_steal_pointer (&merged), in_sync);
    }
  else if (aside != NULL)
    {
      self->save_wanted = TRUE;
      self->hooks->set_aside (self->owner, aside);
    }
  else if (g_error_matches (error, BP_STUDY_STORE_ERROR, BP_STUDY_STORE_ERROR_NEWER_VERSION))
    self->hooks->stopped (self->owner, error);
  else
    {
      g_autoptr(GError) damaged = _bp_study_store_error_new (BP_STUDY_STORE_ERROR_CORRUPT,
                                                             self->path, error);
      self->hooks->stopped (self->owner, damaged);
    }
}

/* Worker jobs */

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  job->status = save_job_run (job, &error);
  if (job->status == BP_STUDY_SAVE_FAILED)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  BpStudySaver *self = user_data;
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->job_running = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    save_failed (self, error);
  else if (job->status == BP_STUDY_SAVE_CONFLICT)
    {
      apply_disk_state (self, job->conflict);
      self->save_wanted = TRUE;
    }
  else
    save_succeeded (self, job);

  run_next_job (self);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  StudyDisk *disk = task_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&disk->lock);
  GError *error = NULL;
  gboolean changed = FALSE;
  DiskState *state = study_disk_read_if_changed (disk, &changed, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, state, (GDestroyNotify)disk_state_free);
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  BpStudySaver *self = user_data;
  g_autoptr(DiskState) state = NULL;
  g_autoptr(GError) error = NULL;

  self->job_running = FALSE;

  /* A file that cannot be read now is reported by the next save, if it still cannot. */
  state = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    g_debug ("Could not read %s after it changed: %s", self->path, error->message);
  else if (state != NULL)
    apply_disk_state (self, state);

  run_next_job (self);
}

/* The task holds the owner, and so the saver, until the job is done. */
static void
start_job (BpStudySaver        *self,
           GAsyncReadyCallback  done_cb,
           GTaskThreadFunc      thread_func,
           gpointer             task_data,
           GDestroyNotify       task_data_free)
{
  g_autoptr(GTask) task = g_task_new (self->owner, NULL, done_cb, self);

  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, task_data, task_data_free);
  self->job_running = TRUE;
  bp_workers_run_in_thread (task, thread_func);
}

/* A change on disk is looked at before saving, so the save includes it. */
static void
run_next_job (BpStudySaver *self)
{
  if (self->job_running)
    return;

  if (self->check_wanted)
    {
      self->check_wanted = FALSE;
      start_job (self, check_done_cb, check_thread,
                 g_atomic_rc_box_acquire (self->disk), (GDestroyNotify)study_disk_unref);
    }
  else if (self->save_wanted)
    {
      self->save_wanted = FALSE;
      if (!self->stopped && self->hooks->has_unsaved (self->owner))
        start_job (self, save_done_cb, save_thread,
                   save_job_new (self), (GDestroyNotify)save_job_free);
    }
}

/**
 * bp_study_saver_save_now:
 *
 * Saves synchronously, on the calling thread. On %BP_STUDY_SAVE_CONFLICT the file's changes
 * are merged in, and another save is needed.
 */
BpStudySaveStatus
bp_study_saver_save_now (BpStudySaver  *self,
                         GError       **error)
{
  g_autoptr(SaveJob) job = save_job_new (self);
  g_autoptr(GError) local_error = NULL;

  job->status = save_job_run (job, &local_error);
  if (job->status == BP_STUDY_SAVE_DONE)
    save_succeeded (self, job);
  else if (job->status == BP_STUDY_SAVE_FAILED)
    {
      save_failed (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  else
    apply_disk_state (self, job->conflict);

  return job->status;
}

/* Watching the file */

static gboolean
monitor_timeout_cb (gpointer user_data)
{
  BpStudySaver *self = user_data;

  self->monitor_source = 0;
  self->check_wanted = TRUE;
  run_next_job (self);

  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    gpointer           user_data)
{
  BpStudySaver *self = user_data;

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED ||
      event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT ||
      event == G_FILE_MONITOR_EVENT_UNMOUNTED)
    return;

  /* Our own writes come back here too; the check sees their checksum and does nothing. */
  g_clear_handle_id (&self->monitor_source, g_source_remove);
  self->monitor_source = g_timeout_add (self->monitor_delay_ms, monitor_timeout_cb, self);
}

static void
start_monitor (BpStudySaver *self)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (self->path);

  /* A folder that does not exist yet is only polled for, every few seconds, and changes
   * made before the poll finds it go unseen; the first save would create it anyway. */
  g_mkdir_with_parents (dir, 0700);

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->monitor == NULL)
    {
      g_debug ("Not watching %s for changes: %s", self->path, error->message);
      return;
    }

  g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
}

/* Loading */

/* Sets the damaged file aside; what could be read from it is kept. */
static gboolean
load_damaged (BpStudySaver  *self,
              DiskState     *state,
              BpStudyData  **data,
              char         **set_aside,
              GError       **error)
{
  g_autoptr(GError) move_error = NULL;
  char *aside;

  g_mutex_lock (&self->disk->lock);
  aside = study_disk_move_aside (self->disk, &move_error);
  g_mutex_unlock (&self->disk->lock);

  if (aside == NULL)
    {
      g_propagate_error (error, _bp_study_store_error_new (BP_STUDY_STORE_ERROR_CORRUPT,
                                                           self->path, move_error));
      return FALSE;
    }

  g_debug ("%s is damaged (%s); set aside as %s", self->path, state->problem->message, aside);
  *set_aside = aside;
  *data = g_steal_pointer (&state->data);
  start_monitor (self);
  return TRUE;
}

/**
 * bp_study_saver_load:
 * @data: (out) (transfer full) (nullable): what the file holds, even when this fails
 * @set_aside: (out) (transfer full) (nullable): where the damaged file went, or %NULL
 *
 * Reads the file once, first removing what interrupted saves left. A damaged file is set
 * aside. Fails, and the owner must stop the saver, if the file cannot be read or set aside,
 * or if a newer Backprop wrote it.
 *
 * Returns: %TRUE if the file may be written
 */
gboolean
bp_study_saver_load (BpStudySaver  *self,
                     BpStudyData  **data,
                     char         **set_aside,
                     GError       **error)
{
  g_autoptr(DiskState) state = NULL;
  g_autoptr(GError) local_error = NULL;

  *data = NULL;
  *set_aside = NULL;
  bp_study_file_remove_temporaries (self->path);

  state = disk_state_read (self->path, &local_error);
  if (state == NULL)
    {
      g_propagate_error (error, _bp_study_store_error_new (BP_STUDY_STORE_ERROR_READ,
                                                           self->path, local_error));
      return FALSE;
    }

  disk_state_parse (state);
  if (state->problem != NULL && state->major <= BP_STUDY_FORMAT_MAJOR)
    return load_damaged (self, state, data, set_aside, error);

  /* A copy: the owner changes its table, and the merge base must not move. */
  *data = bp_study_data_copy (state->data);
  if (state->major > BP_STUDY_FORMAT_MAJOR)
    {
      g_propagate_error (error, _bp_study_store_error_new (BP_STUDY_STORE_ERROR_NEWER_VERSION,
                                                           self->path, NULL));
      return FALSE;
    }

  g_mutex_lock (&self->disk->lock);
  study_disk_set_known (self->disk, state->checksum, g_steal_pointer (&state->data));
  g_mutex_unlock (&self->disk->lock);

  start_monitor (self);
  return TRUE;
}

/* Lifetime */

BpStudySaver *
bp_study_saver_new (GObject                 *owner,
                    const BpStudySaverHooks *hooks,
                    const char              *path)
{
  BpStudySaver *self = g_new0 (BpStudySaver, 1);

  self->owner = owner;
  self->hooks = hooks;
  self->path = g_strdup (path);
  self->disk = study_disk_new (path);
  self->save_delay_ms = DEFAULT_SAVE_DELAY_MS;
  self->monitor_delay_ms = DEFAULT_MONITOR_DELAY_MS;
  self->n_retry_delays = G_N_ELEMENTS (default_retry_delays_ms);
  memcpy (self->retry_delays_ms, default_retry_delays_ms, sizeof default_retry_delays_ms);

  return self;
}

/* No timeout or file event reaches the saver after this. */
void
bp_study_saver_dispose (BpStudySaver *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_handle_id (&self->monitor_source, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
    }
  g_clear_object (&self->monitor);
}

void
bp_study_saver_free (BpStudySaver *self)
{
  bp_study_saver_dispose (self);
  g_clear_pointer (&self->disk, study_disk_unref);
  g_clear_pointer (&self->path, g_free);
  g_free (self);
}

void
bp_study_saver_set_delays (BpStudySaver *self,
                           guint         save_delay_ms,
                           guint         monitor_delay_ms,
                           const guint  *retry_delays_ms,
                           guint         n_retry_delays)
{
  g_return_if_fail (n_retry_delays > 0 && n_retry_delays <= BP_STUDY_SAVER_MAX_RETRY_DELAYS);

  self->save_delay_ms = save_delay_ms;
  self->monitor_delay_ms = monitor_delay_ms;
  self->n_retry_delays = n_retry_delays;
  memcpy (self->retry_delays_ms, retry_delays_ms, n_retry_delays * sizeof (guint));
}

guint
bp_study_saver_get_n_writes (BpStudySaver *self)
{
  return self->n_writes;
}
