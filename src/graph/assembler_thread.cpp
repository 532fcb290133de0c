#include "graph/assembler_thread.hpp"

namespace diplograph::detail {

namespace {
constexpr std::size_t batch_size = 4096;
constexpr std::size_t max_queued = 8;  // bounds the memory of items read but not yet assembled
}  // namespace

AssemblerThread::AssemblerThread(Assembler& assembler) : assembler_(assembler) {
  if (std::thread::hardware_concurrency() > 1) thread_ = std::thread([this] { run(); });
}

AssemblerThread::~AssemblerThread() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void AssemblerThread::add(NodeData&& node) {
  filling_.nodes.push_back(std::move(node));
  if (filling_.size() >= batch_size) hand_over();
}

void AssemblerThread::add(EdgeData&& edge) {
  filling_.edges.push_back(std::move(edge));
  if (filling_.size() >= batch_size) hand_over();
}

void AssemblerThread::assemble(Batch& batch) {
  for (auto& n : batch.nodes) assembler_.add_node(std::move(n));
  for (auto& e : batch.edges) assembler_.add_edge(std::move(e));
}

void AssemblerThread::hand_over() {
  if (!thread_.joinable()) {
    assemble(filling_);
    filling_ = {};
    return;
  }
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return queue_.size() < max_queued || error_; });
  if (error_) {
    filling_ = {};  // the Assembler failed; drain() reports why
    return;
  }
  queue_.push_back(std::move(filling_));
  filling_ = {};
  lock.unlock();
  changed_.notify_all();
}

void AssemblerThread::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return !queue_.empty() || stop_; });
    if (queue_.empty()) return;
    Batch batch = std::move(queue_.front());
    queue_.pop_front();
    busy_ = true;
    lock.unlock();
    changed_.notify_all();
    std::exception_ptr error;
    try {
      if (!error_) assemble(batch);
    } catch (...) {
      error = std::current_exception();
    }
    batch = {};  // freed here, not under the lock
    lock.lock();
    busy_ = false;
    if (error) error_ = error;
    changed_.notify_all();
  }
}

void AssemblerThread::drain() {
  if (filling_.size() > 0) hand_over();
  if (thread_.joinable()) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return (queue_.empty() && !busy_) || error_; });
  }
  if (error_) std::rethrow_exception(error_);
}

}  // namespace diplograph::detail
