/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rocznik-application.c — the Rocznik GTK application
 *
 * Owns the workspace and the settings; windows show them. Files given on the
 * command line (or opened from a file manager) are offered for import.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "rocznik-application.h"
#include "rocznik-preferences.h"
#include "rocznik-window.h"

struct _RocznikApplication
{
  AdwApplication    parent_instance;

  char             *workspace_path;
  RocznikWorkspace *workspace;
  GError           *workspace_error;
  GSettings        *settings;
  int               year;
  int               compare_year;
  gint64            bench_start;   /* ROCZNIK_BENCH_FRAMES, see bench_after_paint_cb() */
  double            bench_cpu;
  long              bench_faults;
  int               bench_steps;
  int               bench_step;    /* size changes made so far */
  GHashTable       *bench_widths;  /* the widths asked for so far */
  int               bench_width;
};

G_DEFINE_FINAL_TYPE (RocznikApplication, rocznik_application, ADW_TYPE_APPLICATION)

/* The schema is installed with the app; a build tree has it compiled next to
 * the sources' build directory, and without either the app still runs, it
 * only does not remember. */
static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaSource) build = NULL;

  if (source)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
#ifdef BUILD_SCHEMA_DIR
  if (schema == NULL)
    {
      build = g_settings_schema_source_new_from_directory (BUILD_SCHEMA_DIR, source, FALSE, NULL);
      if (build)
        schema = g_settings_schema_source_lookup (build, APPLICATION_ID, TRUE);
    }
#endif
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; settings will not be kept", APPLICATION_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static RocznikWindow *
ensure_window (RocznikApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (rocznik_window_new (self, self->year, self->compare_year));
  return ROCZNIK_WINDOW (window);
}

/* bench/scale.py: with ROCZNIK_BENCH_FRAMES=N the app prints the time (wall
 * and the process's CPU, ms) from its start to the first painted frame
 * ("first-frame\tWALL\tCPU"), then from each of N size changes to the frame
 * painted at the new size ("resize\tWALL\tCPU\tWIDTHxHEIGHT\tFAULTS", the
 * last the process's page faults meanwhile: fresh memory is slow on a
 * virtual machine), and quits.
 * The sizes follow a drag out and back (six steps of 40 px wider, six
 * narrower, from 1000 px, each pass shifted), never a size the run had
 * before: a drag never repeats one, so nothing measured at a size is reused. */
static double
bench_cpu_ms (void)
{
  struct timespec t;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static long
bench_faults (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_minflt + usage.ru_majflt;
}

static int
bench_next_width (RocznikApplication *self,
                  GtkWindow          *window)
{
  int step = self->bench_step++;
  int pass = step / 6, j = step % 6;
  int width = pass % 2 == 0 ? 1000 + 40 * j + pass : 1220 - 40 * j + pass;
  int default_width, default_height;

  if (self->bench_widths == NULL)
    {
      self->bench_widths = g_hash_table_new (NULL, NULL);
      gtk_window_get_default_size (window, &default_width, &default_height);
      g_hash_table_add (self->bench_widths, GINT_TO_POINTER (default_width));
    }
  while (g_hash_table_contains (self->bench_widths, GINT_TO_POINTER (width)))
    width++;
  g_hash_table_add (self->bench_widths, GINT_TO_POINTER (width));
  return width;
}

static void
bench_after_paint_cb (GdkFrameClock *clock,
                      gpointer       user_data)
{
  RocznikApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  double ms = (g_get_monotonic_time () - self->bench_start) / 1000.0;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));
  int next;

  if (self->bench_width == 0)
    g_print ("first-frame\t%.1f\t%.1f\n", ms, bench_cpu_ms () - self->bench_cpu);
  else if (width == self->bench_width)
    return;   /* not yet at the new size */
  else
    g_print ("resize\t%.1f\t%.1f\t%dx%d\t%ld\n", ms, bench_cpu_ms () - self->bench_cpu, width, height,
             bench_faults () - self->bench_faults);
  self->bench_width = width;
  if (self->bench_step == self->bench_steps)
    {
      g_signal_handlers_disconnect_by_data (clock, self);
      g_application_quit (G_APPLICATION (self));
      return;
    }
  next = bench_next_width (self, window);
  self->bench_start = g_get_monotonic_time ();
  self->bench_cpu = bench_cpu_ms ();
  self->bench_faults = bench_faults ();
  gtk_window_set_default_size (window, next, next * 2 / 3);
}

static void
bench_realize_cb (GtkWidget *window,
                  gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (bench_after_paint_cb), user_data);
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  RocznikApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *prefs = GTK_WINDOW (rocznik_preferences_new (self->settings));

  gtk_window_set_transient_for (prefs, parent);
  gtk_window_present (prefs);
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RocznikApplication *self = user_data;
  const char *developers[] = { _("The Rocznik developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-icon", APPLICATION_ID,
                        "application-name", _("Rocznik"),
                        "developer-name", _("The Rocznik developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Yearly reports of a contact centre’s calls: topic tables, "
                                      "comparisons between years and charts for the press."),
                        "website", "https://github.com/rocznik/rocznik",
                        "issue-url", "https://github.com/rocznik/rocznik/issues",
                        "copyright", "© 2026 The Rocznik developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated_cb },
  { "preferences", preferences_activated_cb },
  { "about", about_activated_cb },
};

static int
rocznik_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  RocznikApplication *self = ROCZNIK_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "workspace", "^&ay", &path))
    rocznik_application_set_workspace_path (self, path);
  g_variant_dict_lookup (options, "year", "i", &self->year);
  g_variant_dict_lookup (options, "compare", "i", &self->compare_year);
  return -1;
}

static void
rocznik_application_startup (GApplication *app)
{
  RocznikApplication *self = ROCZNIK_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (rocznik_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  self->settings = settings_new ();
  if (self->settings)
    g_settings_bind (self->settings, "color-scheme",
                     adw_application_get_style_manager (ADW_APPLICATION (self)), "color-scheme",
                     G_SETTINGS_BIND_GET);
}

static void
rocznik_application_activate (GApplication *app)
{
  RocznikApplication *self = ROCZNIK_APPLICATION (app);
  GtkWindow *window = GTK_WINDOW (ensure_window (self));

  if (self->bench_steps >= 0 && !gtk_widget_get_realized (GTK_WIDGET (window)))
    g_signal_connect (window, "realize", G_CALLBACK (bench_realize_cb), self);
  gtk_window_present (window);
}

static void
rocznik_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  RocznikWindow *window = ensure_window (ROCZNIK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < n_files; i++)
    rocznik_window_import_file (window, files[i]);
}

static void
rocznik_application_shutdown (GApplication *app)
{
  RocznikApplication *self = ROCZNIK_APPLICATION (app);

  G_APPLICATION_CLASS (rocznik_application_parent_class)->shutdown (app);
  /* Windows are gone by now: nobody uses the workspace any more. */
  g_clear_pointer (&self->workspace, rocznik_workspace_free);
}

static void
rocznik_application_finalize (GObject *object)
{
  RocznikApplication *self = ROCZNIK_APPLICATION (object);

  g_clear_pointer (&self->workspace, rocznik_workspace_free);
  g_clear_error (&self->workspace_error);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->bench_widths, g_hash_table_unref);
  g_free (self->workspace_path);

  G_OBJECT_CLASS (rocznik_application_parent_class)->finalize (object);
}

static void
rocznik_application_class_init (RocznikApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rocznik_application_finalize;
  app_class->handle_local_options = rocznik_application_handle_local_options;
  app_class->startup = rocznik_application_startup;
  app_class->activate = rocznik_application_activate;
  app_class->open = rocznik_application_open;
  app_class->shutdown = rocznik_application_shutdown;
}

static void
rocznik_application_init (RocznikApplication *self)
{
  /* The same options as `rocznik`, which passes its arguments on. */
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, NULL, N_("Use the workspace in PATH"), N_("PATH") },
    { "year", 'y', 0, G_OPTION_ARG_INT, NULL, N_("The year to show"), N_("YEAR") },
    { "compare", 'c', 0, G_OPTION_ARG_INT, NULL, N_("Compare with this year"), N_("YEAR") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  self->bench_start = g_get_monotonic_time ();
  self->bench_steps = g_getenv ("ROCZNIK_BENCH_FRAMES") ? atoi (g_getenv ("ROCZNIK_BENCH_FRAMES")) : -1;
}

RocznikApplication *
rocznik_application_new (void)
{
  return g_object_new (ROCZNIK_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/rocznik/Rocznik",
                       NULL);
}

/* Before the first window: which workspace file to open. */
void
rocznik_application_set_workspace_path (RocznikApplication *self,
                                        const char         *path)
{
  g_return_if_fail (ROCZNIK_IS_APPLICATION (self));
  g_return_if_fail (self->workspace == NULL);

  g_free (self->workspace_path);
  self->workspace_path = g_strdup (path);
}

/* Opened on first use; an error (a damaged file, a newer version) is kept
 * and returned each time, and the file is left alone. */
RocznikWorkspace *
rocznik_application_get_workspace (RocznikApplication *self,
                                   GError            **error)
{
  g_return_val_if_fail (ROCZNIK_IS_APPLICATION (self), NULL);

  if (self->workspace == NULL && self->workspace_error == NULL)
    {
      g_autofree char *path = self->workspace_path ? g_strdup (self->workspace_path)
                                                   : rocznik_workspace_default_path ();
      self->workspace = rocznik_workspace_open (path, &self->workspace_error);
    }
  if (self->workspace_error)
    {
      g_propagate_error (error, g_error_copy (self->workspace_error));
      return NULL;
    }
  return self->workspace;
}

/* NULL when the schema is not installed. */
GSettings *
rocznik_application_get_settings (RocznikApplication *self)
{
  g_return_val_if_fail (ROCZNIK_IS_APPLICATION (self), NULL);
  return self->settings;
}
