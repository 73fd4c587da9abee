/* bp-preferences-window.c: appearance, text size, and how studying is scheduled
 * SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bp-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bp-fsrs.h"
#include "bp-preferences-window.h"

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
  gtk_widget_class_bind_template_callback (widget_class, parameters_apply_cb);
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
}

GtkWidget *
bp_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (BP_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}
