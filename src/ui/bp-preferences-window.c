/* bp-preferences-window.c: appearance, text size, and how studying is scheduled
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bp-fsrs.h"
#include "bp-preferences-window.h"
#include "bp-study-queue.h"

struct _BpPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwComboRow *style_row;
  GtkAdjustment *text_size;
  GtkAdjustment *retention;
  GtkAdjustment *new_per_day;
  GtkWidget *two_buttons_switch;
  AdwEntryRow *parameters_row;
  GtkLabel *parameters_error;
  AdwActionRow *interview_row;
  GtkWidget *interview_clear_button;
  GtkPopover *interview_popover;
  GtkCalendar *interview_calendar;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (BpPreferencesWindow, bp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row lists Follow System, Light and Dark; the key holds libadwaita's nicks. */
static const char * const style_nicks[] = { "default", "force-light", "force-dark" };

static gboolean
style_from_setting (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_nicks); i++)
    if (g_strcmp0 (nick, style_nicks[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
style_to_setting (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (style_nicks))
    return NULL;

  return g_variant_new_string (style_nicks[selected]);
}

/* The spin button shows a percentage; the key holds a factor. */
static gboolean
percent_from_setting (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100.0);
  return TRUE;
}

static GVariant *
percent_to_setting (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100.0);
}

/* Pasted from the FSRS optimizer: saved only when they are 21 finite numbers; otherwise the
 * reason stays under the field and the scheduler keeps the parameters it has. */
static void
parameters_apply_cb (BpPreferencesWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->parameters_row))));
  g_autoptr(GError) error = NULL;
  BpFsrsParameters parameters;

  if (*text != '\0' && !bp_fsrs_parameters_parse (&parameters, text, &error))
    {
      gtk_label_set_label (self->parameters_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->parameters_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->parameters_row), "error");
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->parameters_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->parameters_row), "error");
  g_settings_set_string (self->settings, "fsrs-parameters", text);
}

/* The key's "YYYY-MM-DD" as a date at noon UTC, which is that day wherever it is read;
 * %NULL when there is none, or it does not parse (edited by hand). */
static GDateTime *
dup_interview_date (BpPreferencesWindow *self)
{
  g_autofree char *text = g_settings_get_string (self->settings, "interview-date");
  int year, month, day;
  gint64 unused;

  if (!bp_queue_parse_day (text, &unused, NULL) || sscanf (text, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;
  return g_date_time_new_utc (year, month, day, 12, 0, 0);
}

/* A click on a day, or the month changed with the arrows, which moves the selection too:
 * only the click closes the popover. */
static void
interview_day_selected_cb (BpPreferencesWindow *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->interview_calendar);
  g_autoptr(GDateTime) before = dup_interview_date (self);
  g_autofree char *text = g_date_time_format (picked, "%Y-%m-%d");
  gboolean same_month = before != NULL &&
                        g_date_time_get_year (before) == g_date_time_get_year (picked) &&
                        g_date_time_get_month (before) == g_date_time_get_month (picked);

  g_settings_set_string (self->settings, "interview-date", text);
  if (same_month)
    gtk_popover_popdown (self->interview_popover);
}

/* The row says the date as the user's locale writes dates; the calendar opens on it. */
static void
interview_date_changed_cb (BpPreferencesWindow *self)
{
  g_autoptr(GDateTime) date = dup_interview_date (self);
  g_autofree char *shown = date != NULL ? g_date_time_format (date, "%x") : NULL;

  adw_action_row_set_subtitle (self->interview_row,
                               shown != NULL ? shown
                                             : _("None; with one, every question studied is "
                                                 "reviewed at least once in the days before it"));
  gtk_widget_set_sensitive (self->interview_clear_button, date != NULL);
  if (date == NULL)
    return;

  g_signal_handlers_block_by_func (self->interview_calendar, interview_day_selected_cb, self);
  gtk_calendar_select_day (self->interview_calendar, date);
  g_signal_handlers_unblock_by_func (self->interview_calendar, interview_day_selected_cb, self);
}

static void
interview_clear_cb (BpPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "interview-date", "");
}

static void
bp_preferences_window_dispose (GObject *object)
{
  BpPreferencesWindow *self = (BpPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bp_preferences_window_parent_class)->dispose (object);
}

static void
bp_preferences_window_class_init (BpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "ui/bp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BpPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, BpPreferencesWindow, text_size);
  gtk_widget_class_bind_template_child (widget_class, BpPreferencesWindow, retention);
  gtk_widget_class_bind_template_child (widget_class, BpPreferencesWindow, new_per_day);
  gtk_widget_class_bind_template_child (widget_class, BpPreferencesWindow, two_buttons_switch);
  gtk_widget_class_bind_template_child (widget_class, BpPreferencesWindow, parameters_row);
  gtk_widget_class_bind_template_child (widget_class, BpPreferencesWindow, parameters_error);
  gtk_widget_class_bind_template_child (widget_class, BpPreferencesWindow, interview_row);
  gtk_widget_class_bind_template_child (widget_class, BpPreferencesWindow, interview_clear_button);
  gtk_widget_class_bind_template_child (widget_class, BpPreferencesWindow, interview_popover);
  gtk_widget_class_bind_template_child (widget_class, BpPreferencesWindow, interview_calendar);
  gtk_widget_class_bind_template_callback (widget_class, parameters_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, interview_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, interview_clear_cb);
}

static void
bp_preferences_window_init (BpPreferencesWindow *self)
{
  g_autofree char *parameters = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_from_setting, style_to_setting, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "text-size", self->text_size, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                percent_from_setting, percent_to_setting, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "desired-retention", self->retention, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                percent_from_setting, percent_to_setting, NULL, NULL);
  g_settings_bind (self->settings, "new-per-day", self->new_per_day, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "two-button-grading", self->two_buttons_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  parameters = g_settings_get_string (self->settings, "fsrs-parameters");
  gtk_editable_set_text (GTK_EDITABLE (self->parameters_row), parameters);
  g_signal_connect_object (self->settings, "changed::interview-date",
                           G_CALLBACK (interview_date_changed_cb), self, G_CONNECT_SWAPPED);
  interview_date_changed_cb (self);
}

GtkWidget *
bp_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (BP_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
