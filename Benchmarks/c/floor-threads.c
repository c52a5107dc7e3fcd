// The write floor on several threads: every file of a built site, read into memory first, then
// written into a fresh folder with plain POSIX mkdir/open/write/close (no fsync), as WriteFloor
// does, but on THREADS threads taking files in turn. Prints wall, user and system seconds.
//   cc -O2 -pthread -o /tmp/floor-threads Benchmarks/c/floor-threads.c
//   (cd SITE && find . -type f | sed 's|^\./||') > /tmp/list
//   /tmp/floor-threads /tmp/list SITE FRESH_FOLDER THREADS MODE
// MODE 0: every folder made first, on one thread, in the list's order (WriteFloor sorts them); 1: each
// thread makes a file's folders as it comes to it.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/resource.h>
#include <pthread.h>
#include <errno.h>
#include <time.h>
typedef struct { char *path; char *data; size_t len; } F;
F *files; int nfiles; char dst[4096]; int nthreads, mode;
static void mkparents(const char *rel) {
  char buf[8192]; snprintf(buf, sizeof buf, "%s/%s", dst, rel);
  for (char *p = buf + strlen(dst) + 1; *p; p++) if (*p == '/') { *p = 0; if (mkdir(buf, 0755) != 0 && errno != EEXIST) { perror(buf); exit(1);} *p = '/'; }
}
static void *worker(void *arg) {
  long t = (long)arg;
  for (int i = t; i < nfiles; i += nthreads) {
    if (mode == 1) mkparents(files[i].path);
    char buf[8192]; snprintf(buf, sizeof buf, "%s/%s", dst, files[i].path);
    int fd = open(buf, O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0644); if (fd < 0) { perror(buf); exit(1); }
    if (write(fd, files[i].data, files[i].len) != (ssize_t)files[i].len) exit(1);
    close(fd);
  }
  return 0;
}
int main(int argc, char **argv) {
  if (argc != 6) { fprintf(stderr, "usage: floor-threads LIST SITE FRESH_FOLDER THREADS MODE\n"); return 2; }
  FILE *l = fopen(argv[1], "r"); if (!l) { perror(argv[1]); return 1; } const char *src = argv[2]; strcpy(dst, argv[3]); nthreads = atoi(argv[4]); mode = atoi(argv[5]);
  files = malloc(sizeof(F) * 100000); char line[8192];
  while (fgets(line, sizeof line, l)) { line[strcspn(line, "\n")] = 0; char p[8192]; snprintf(p, sizeof p, "%s/%s", src, line);
    FILE *f = fopen(p, "rb"); if (!f) { perror(p); return 1; } fseek(f, 0, SEEK_END); long n = ftell(f); fseek(f, 0, SEEK_SET); char *d = malloc(n ? n : 1); if (fread(d, 1, n, f) != (size_t)n) { perror(p); return 1; } fclose(f);
    files[nfiles].path = strdup(line); files[nfiles].data = d; files[nfiles].len = n; nfiles++; }
  struct rusage r0, r1; getrusage(RUSAGE_SELF, &r0); struct timespec a, b; clock_gettime(CLOCK_MONOTONIC, &a);
  mkdir(dst, 0755);
  if (mode == 0) { for (int i = 0; i < nfiles; i++) mkparents(files[i].path); }
  pthread_t th[16]; for (long t = 0; t < nthreads; t++) pthread_create(&th[t], 0, worker, (void*)t);
  for (int t = 0; t < nthreads; t++) pthread_join(th[t], 0);
  clock_gettime(CLOCK_MONOTONIC, &b); getrusage(RUSAGE_SELF, &r1);
  double w = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
  double u = (r1.ru_utime.tv_sec - r0.ru_utime.tv_sec) + (r1.ru_utime.tv_usec - r0.ru_utime.tv_usec) / 1e6;
  double s = (r1.ru_stime.tv_sec - r0.ru_stime.tv_sec) + (r1.ru_stime.tv_usec - r0.ru_stime.tv_usec) / 1e6;
  printf("threads %d mode %d: %d files, wall %.3f s, user %.3f, sys %.3f\n", nthreads, mode, nfiles, w, u, s);
}
