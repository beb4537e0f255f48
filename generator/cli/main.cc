// The errcat binary; see cli/commands.cc.
#include "cli/commands.h"

int main(int argc, char** argv) { return errcat::cli::Run(argc, argv); }
