#include "serve/server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <thread>

#include "backends/base/templates.h"
#include "serve/watcher.h"
#include "util/json_writer.h"

extern char** environ;

namespace errcat::serve {
namespace {

constexpr const char* kLiveScript = "serve/live.js";
constexpr const char* kEvents = "/__errcat/events";
constexpr std::chrono::milliseconds kDataAfter{300};

// What the open pages are told: a version per update, the paths it changed, the diagnostics.
class Updates {
 public:
  void Publish(const std::vector<std::string>& changed, const std::string& diagnostics) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++version_;
    message_ = Message(version_, changed, diagnostics);
    grew_.notify_all();
  }
  void Stop() {
    std::lock_guard<std::mutex> lock(mutex_);
    stopped_ = true;
    grew_.notify_all();
  }
  // The message after `seen` (waiting up to `timeout` for one), or "" when none came.
  std::string Next(uint64_t& seen, std::chrono::seconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    grew_.wait_for(lock, timeout, [&] { return stopped_ || version_ != seen; });
    if (stopped_ || version_ == seen) return "";
    seen = version_;
    return message_;
  }
  bool stopped() {
    std::lock_guard<std::mutex> lock(mutex_);
    return stopped_;
  }
  std::string Current(uint64_t& seen, const std::string& diagnostics) {
    std::lock_guard<std::mutex> lock(mutex_);
    seen = version_;
    return Message(version_, {}, diagnostics);
  }

 private:
  static std::string Message(uint64_t version, const std::vector<std::string>& changed,
                             const std::string& diagnostics) {
    util::JsonWriter j;
    j.BeginObject();
    j.Key("version").Int(static_cast<int64_t>(version));
    j.Key("changed").Strings(changed);
    j.Key("diagnostics").String(diagnostics);
    j.EndObject();
    return j.Take();
  }

  std::mutex mutex_;
  std::condition_variable grew_;
  uint64_t version_ = 0;
  std::string message_;
  bool stopped_ = false;
};

std::string ContentType(const std::string& path) {
  auto ends = [&](const char* tail) {
    const std::string t(tail);
    return path.size() >= t.size() && path.compare(path.size() - t.size(), t.size(), t) == 0;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".json")) return "application/json";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".xml")) return "application/xml";
  return "application/octet-stream";
}

// An HTML page with the live script before </body>, so that it follows the edits.
std::string WithLiveScript(const std::string& html) {
  static const std::string tag = "<script src=\"/__errcat/live.js\"></script>\n";
  const size_t body = html.rfind("</body>");
  if (body == std::string::npos) return html + tag;
  return html.substr(0, body) + tag + html.substr(body);
}

void Log(const char* format, const std::string& a, double seconds) {
  std::fprintf(stderr, format, a.c_str(), seconds * 1000);
  std::fflush(stderr);
}

void OpenInBrowser(const std::string& url) {
  const char* argv[] = {"xdg-open", url.c_str(), nullptr};
  pid_t pid;
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, const_cast<char* const*>(argv), environ) !=
      0)
    std::fprintf(stderr, "errcat serve: cannot run xdg-open; open %s\n", url.c_str());
}

std::string Summary(const LiveSite::Update& u) {
  size_t pages = 0;
  for (const std::string& p : u.changed) pages += !p.empty();
  return std::to_string(pages) + (pages == 1 ? " file" : " files");
}

}  // namespace

std::string SitePath(const std::string& request_path) {
  if (request_path.empty() || request_path[0] != '/') return "";
  if (request_path.find('\\') != std::string::npos || request_path.find('\0') != std::string::npos)
    return "";
  std::string path = request_path.substr(1);
  for (size_t start = 0; start <= path.size();) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string_view segment(path.data() + start, end - start);
    if (segment == "." || segment == "..") return "";
    if (segment.empty() && end != path.size()) return "";  // "//"
    start = end + 1;
  }
  if (path.empty() || path.back() == '/') path += "index.html";
  return path;
}

int Serve(const ServeOptions& options) {
  // Signals go to one thread that stops the server, never into the middle of a rebuild.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  for (const std::string& path : options.site.paths) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      std::fprintf(stderr, "errcat serve: %s: no such file or folder\n", path.c_str());
      return 2;
    }
  }
  LiveSite site(options.site);
  FolderWatcher watcher;
  if (!watcher.ok()) {
    std::fprintf(stderr, "errcat serve: cannot watch files (inotify): %s\n", std::strerror(errno));
    return 2;
  }
  httplib::Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(32); };
  server.set_keep_alive_max_count(1000);
  server.set_tcp_nodelay(true);  // headers and body go in two writes: no 40 ms delayed-ACK stall
  // A browser's idle or speculative connection must not hold up the exit on SIGINT.
  server.set_keep_alive_timeout(1);
  server.set_read_timeout(1);
  // The port first: a port in use fails at once, not after the first build.
  const int port = options.port == 0 ? server.bind_to_any_port(options.host)
                   : server.bind_to_port(options.host, options.port) ? options.port
                                                                     : -1;
  if (port < 0) {
    std::fprintf(stderr, "errcat serve: cannot listen on %s:%d\n", options.host.c_str(),
                 options.port);
    return 2;
  }
  Updates updates;
  {
    const LiveSite::Update pages = site.RebuildPages();
    if (pages.ok) {
      LiveSite::Update data = site.RebuildData();
      data.changed.insert(data.changed.end(), pages.changed.begin(), pages.changed.end());
      Log("errcat serve: built %s in %.0f ms\n", Summary(data), pages.seconds + data.seconds);
    } else {
      std::fputs(site.diagnostics().c_str(), stderr);
    }
    updates.Publish({}, site.diagnostics());
  }
  watcher.Watch(site.folders());

  server.Get(kEvents, [&](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    auto seen = std::make_shared<uint64_t>(0);
    auto first = std::make_shared<bool>(true);
    res.set_chunked_content_provider(
        "text/event-stream", [&, seen, first](size_t, httplib::DataSink& sink) {
          std::string message;
          if (*first) {
            *first = false;
            message = updates.Current(*seen, site.diagnostics());
          } else {
            message = updates.Next(*seen, std::chrono::seconds(15));
            if (updates.stopped()) return false;
          }
          // A comment when nothing happened keeps the connection (and finds a closed one).
          const std::string event = message.empty() ? ": idle\n\n" : "data: " + message + "\n\n";
          return sink.is_writable() && sink.write(event.data(), event.size());
        });
  });
  server.Get("/__errcat/live.js", [](const httplib::Request&, httplib::Response& res) {
    auto script = backends::EmbeddedAsset(kLiveScript);
    res.set_header("Cache-Control", "no-store");
    res.set_content(script ? std::string(*script) : "", "text/javascript; charset=utf-8");
  });
  server.Get("/__errcat/state", [&](const httplib::Request&, httplib::Response& res) {
    uint64_t seen = 0;
    res.set_header("Cache-Control", "no-store");
    res.set_content(updates.Current(seen, site.diagnostics()), "application/json");
  });
  server.Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
    const std::shared_ptr<const SiteFiles> files = site.files();
    const std::string path = SitePath(req.path);
    auto it = path.empty() ? files->end() : files->find(path);
    res.set_header("Cache-Control", "no-cache");
    if (it == files->end()) {
      res.status = 404;
      auto page = files->find("404.html");
      res.set_content(
          WithLiveScript(
              page != files->end()
                  ? *page->second
                  : std::string(
                        "<!doctype html><title>Not found</title><body><p>Not found</p></body>")),
          "text/html; charset=utf-8");
      return;
    }
    const std::string type = ContentType(path);
    if (type.rfind("text/html", 0) == 0)
      res.set_content(WithLiveScript(*it->second), type);
    else
      res.set_content(*it->second, type);
  });

  const std::string url = "http://" + options.host + ":" + std::to_string(port) + "/";
  std::fprintf(stderr, "errcat serve: serving %s (Ctrl-C stops)\n", url.c_str());
  std::fflush(stderr);

  std::thread stopper([&] {
    int signal_number = 0;
    sigwait(&signals, &signal_number);
    watcher.Stop();
    updates.Stop();
    server.stop();
  });
  std::thread listener([&] {
    server.listen_after_bind();
    // listen_after_bind returns once stop() ran; wake the stopper if it was something else.
    pthread_kill(stopper.native_handle(), SIGTERM);
  });
  if (options.open) OpenInBrowser(url);
  // Rebuilds run on this thread, the first build's: the allocator keeps a heap per thread, so
  // each rebuild reuses the memory the last one freed (on another thread the first save took
  // three times as long as the next ones, faulting in a heap of its own).
  while (watcher.Wait(std::chrono::milliseconds(10))) {
    const LiveSite::Update pages = site.RebuildPages();
    watcher.Watch(site.folders());
    const std::string diagnostics = site.diagnostics();
    if (!pages.ok && !pages.changed.empty()) std::fputs(diagnostics.c_str(), stderr);
    if (pages.changed.empty()) continue;
    updates.Publish(pages.changed, diagnostics);
    if (!pages.ok) continue;
    std::fprintf(stderr, "errcat serve: %s changed in %.0f ms (loading %.0f ms)\n",
                 Summary(pages).c_str(), pages.seconds * 1000, pages.load_seconds * 1000);
    // The data files take longest and no reload waits for them: they are rebuilt once the
    // writer pauses, leaving the cores to the pages the browser now fetches, and given up for a
    // save that comes meanwhile (at 100k errors they take seconds).
    if (!watcher.Quiet(kDataAfter)) continue;
    const LiveSite::Update data = site.RebuildData([&] { return watcher.Changed(); });
    if (!data.ok) {
      std::fprintf(stderr, "errcat serve: data files put off after %.0f ms: a new save came\n",
                   data.seconds * 1000);
      continue;
    }
    Log("errcat serve: %s of data (search, errors.json, sitemap) in %.0f ms\n", Summary(data),
        data.seconds);
    if (!data.changed.empty()) updates.Publish(data.changed, diagnostics);
  }
  listener.join();
  stopper.join();
  std::fprintf(stderr, "errcat serve: stopped\n");
  return 0;
}

}  // namespace errcat::serve
