import Logging

extension Logger {
    /// This logger with the request's service and item as metadata.
    func with(_ request: APIRequest) -> Logger {
        var logger = self
        logger[metadataKey: "api.service"] = "\(request.service.rawValue)"
        logger[metadataKey: "api.item"] = "\(request.item)"
        logger[metadataKey: "api.endpoint"] = "\(request.loggableURL)"
        return logger
    }
}
