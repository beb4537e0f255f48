// The file-system floor of the HTML back end: creating N small files in one new folder with
// bare open/write/close, from one thread (the kernel serialises creations in one folder on
// its lock, so more threads do not help). errcat's site has one page per code in one folder
// (the permalink contract), so this bounds `generate --html` whatever errcat does.
//   create_files --files 100000 --bytes 3500 --out DIR   (DIR must not exist)
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

int main(int argc, char** argv) {
  long files = 10000, bytes = 3500;
  std::string out;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--files") == 0) files = std::atol(argv[i + 1]);
    else if (std::strcmp(argv[i], "--bytes") == 0) bytes = std::atol(argv[i + 1]);
    else if (std::strcmp(argv[i], "--out") == 0) out = argv[i + 1];
  }
  if (out.empty() || files <= 0 || bytes < 0 || ::mkdir(out.c_str(), 0777) != 0) {
    std::fprintf(stderr, "usage: create_files --files N --bytes B --out NEW_DIR\n");
    return 2;
  }
  const std::string body(static_cast<size_t>(bytes), 'x');
  const auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < files; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/SYN%07ld.html", i + 1);
    const std::string path = out + name;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0 || ::write(fd, body.data(), body.size()) != static_cast<ssize_t>(body.size()) || ::close(fd) != 0) {
      std::perror(path.c_str());
      return 1;
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%.3f\n", seconds);
  return 0;
}
