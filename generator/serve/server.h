// `errcat serve`: the site of a catalog set, served from memory on loopback while its catalog
// files are edited. Each save rebuilds what changed (LiveSite) and tells the open pages, which
// reload when their page changed, or show the diagnostics over the last good page when the
// catalogs no longer load. cpp-httplib does the HTTP; nothing here parses it.
#pragma once

#include <string>

#include "serve/live_site.h"

namespace errcat::serve {

struct ServeOptions {
  SiteOptions site;
  std::string host = "127.0.0.1";
  int port = 8000;    // 0: any free port (printed)
  bool open = false;  // open the site in the desktop's browser (xdg-open)
};

// Serves until SIGINT or SIGTERM; returns the process's exit code (0 after a signal, 2 when the
// port cannot be bound).
int Serve(const ServeOptions& options);

// The site's file for a request path ("/", "/de/", "/TOK001.html"), or "" for none: a path with a
// "." or ".." segment, a backslash or a NUL names nothing. Only files the site holds are served,
// so no request reaches the disk.
std::string SitePath(const std::string& request_path);

}  // namespace errcat::serve
