import Hummingbird
import Store

/// `/api/jobs/{id}`: a background job's progress (viewer); cancel it or retry a failed one (producer).
struct JobController {
    let database: AppDatabase
    let worker: IngestWorker

    var endpoints: RouteCollection<AppRequestContext> {
        RouteCollection(context: AppRequestContext.self)
            .get("{id}", use: show)
            .delete("{id}", use: cancel)
            .post("{id}/retry", use: retry)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) throws -> Job {
        _ = try context.require(.viewer)
        let id = try MediaController.id(context)
        guard let job = try database.job(id: id) else { throw APIError(StoreError.notFound(.job(id))) }
        return job
    }

    @Sendable func cancel(_ request: Request, context: AppRequestContext) throws -> Job {
        let producer = try context.require(.producer)
        return try worker.cancel(job: try MediaController.id(context), actor: producer.name)
    }

    @Sendable func retry(_ request: Request, context: AppRequestContext) throws -> EditedResponse<Job> {
        let producer = try context.require(.producer)
        let job = try worker.retry(job: try MediaController.id(context), actor: producer.name)
        return EditedResponse(status: .accepted, headers: [.location: "/api/jobs/\(job.id)"], response: job)
    }
}
