#include "shmname.h"
